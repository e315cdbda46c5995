import CTICore
import CTIServer
import Foundation
import NIOHTTP1
import Storage
import Testing

@Suite("QA API: recording playback with range requests and access control", .serialized)
struct QARecordingAPITests {
    @Test("whole file 200, byte ranges 206 with Content-Range, open and suffix ranges, 416 outside the file or malformed")
    func ranges() async throws {
        try await QAFixture.with { qa in
            let path = "/api/recordings/acd-c1/audio"
            let whole = try await qa.send(.GET, path, as: "1001")
            #expect(whole.status == 200)
            #expect(whole.body == QAFixture.audio)
            #expect(whole.headers["accept-ranges"] == "bytes")
            #expect(whole.headers["content-type"] == "audio/wav")

            let first = try await qa.send(.GET, path, as: "supervisor", headers: ["Range": "bytes=0-99"])
            #expect(first.status == 206)
            #expect(first.headers["content-range"] == "bytes 0-99/1000")
            #expect(first.body == QAFixture.audio.subdata(in: 0..<100))

            let middle = try await qa.send(.GET, path, as: "qa-lead", headers: ["Range": "bytes=500-755"])
            #expect(middle.status == 206 && middle.headers["content-range"] == "bytes 500-755/1000")
            #expect(middle.body == QAFixture.audio.subdata(in: 500..<756))

            let open = try await qa.send(.GET, path, as: "admin", headers: ["Range": "bytes=990-"])
            #expect(open.status == 206 && open.headers["content-range"] == "bytes 990-999/1000" && open.body.count == 10)

            let suffix = try await qa.send(.GET, path, as: "admin", headers: ["Range": "bytes=-16"])
            #expect(suffix.status == 206 && suffix.headers["content-range"] == "bytes 984-999/1000")
            #expect(suffix.body == QAFixture.audio.suffix(16))

            let clamped = try await qa.send(.GET, path, as: "admin", headers: ["Range": "bytes=900-5000"])
            #expect(clamped.status == 206 && clamped.headers["content-range"] == "bytes 900-999/1000")

            for bad in ["bytes=1000-", "bytes=5000-6000", "bytes=50-10", "bytes=abc", "bytes=-0", "bytes=0-1,5-9", "bytes=-"] {
                let refused = try await qa.send(.GET, path, as: "admin", headers: ["Range": bad])
                #expect(refused.status == 416, "\(bad) gave \(refused.status)")
                #expect(refused.headers["content-range"] == "bytes */1000", "\(bad)")
                #expect(refused.errorCode == "range_not_satisfiable")
            }
            // Another unit is ignored: the whole file.
            #expect(try await qa.send(.GET, path, as: "admin", headers: ["Range": "items=0-1"]).status == 200)
        }
    }

    @Test("only the agent on the call, supervisors, QA and admins may hear it; deleted or unknown recordings are 404")
    func access() async throws {
        try await QAFixture.with { qa in
            let other = try await qa.send(.GET, "/api/recordings/acd-c1/audio", as: "1002")
            #expect(other.status == 403 && other.errorCode == "forbidden")
            #expect(try await qa.send(.GET, "/api/recordings/acd-c1", as: "1002").status == 403)
            let info = try await qa.send(.GET, "/api/recordings/acd-c1", as: "1001")
            #expect(info.status == 200)
            #expect(try info.decode(RecordingEntry.self).durationSeconds == 40)
            for user in ["qa-lead", "supervisor", "admin", "1001"] {
                #expect(try await qa.send(.GET, "/api/recordings/acd-c1/audio", as: user, headers: ["Range": "bytes=0-0"]).status == 206, "\(user)")
            }
            #expect(try await qa.send(.GET, "/api/recordings/nope/audio", as: "admin").status == 404)
            try await qa.store.recordings.markDeleted(id: "acd-c2", by: "test", reason: "test")
            let gone = try await qa.send(.GET, "/api/recordings/acd-c2/audio", as: "admin")
            #expect(gone.status == 404 && gone.errorCode == "not_found")
            // A file missing on disk is a 404 too.
            try FileManager.default.removeItem(at: qa.recordings.appendingPathComponent("acd-c3.wav"))
            #expect(try await qa.send(.GET, "/api/recordings/acd-c3/audio", as: "admin").status == 404)
        }
    }

    @Test("Range header parsing on its own")
    func byteRangeParsing() {
        #expect(ByteRange.resolve(nil, size: 10) == .whole)
        #expect(ByteRange.resolve("bytes=2-4", size: 10) == .partial(2...4))
        #expect(ByteRange.resolve("bytes=8-", size: 10) == .partial(8...9))
        #expect(ByteRange.resolve("bytes=-30", size: 10) == .partial(0...9))
        #expect(ByteRange.resolve("bytes=0-0", size: 0) == .unsatisfiable)
        #expect(ByteRange.resolve("bytes=99999999999999999999999-", size: 10) == .unsatisfiable)
        #expect(ByteRange.resolve("bytes= 1-2", size: 10) == .partial(1...2))
    }
}
