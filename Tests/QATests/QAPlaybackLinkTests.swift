import CTICore
import CTIServer
import Foundation
import NIOHTTP1
import Storage
import Synchronization
import Testing

/// A wall clock the playback-link tests move by hand.
final class LinkClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

@Suite("QA API: short-lived playback links for the <audio> element", .serialized)
struct QAPlaybackLinkTests {
    /// The grant of a link URL.
    static func grant(_ url: String) -> String {
        String(url[url.range(of: "?grant=")!.upperBound...])
    }

    @Test("a link issued with the bearer token streams with range requests and no Authorization header; the token is not in it")
    func streams() async throws {
        try await QAFixture.with { qa in
            let issued = try await qa.send(.POST, "/api/recordings/acd-c1/playback", as: "1001")
            #expect(issued.status == 200)
            let link = try issued.decode(RecordingPlaybackLinks.Link.self)
            #expect(link.url.hasPrefix("/api/recordings/acd-c1/audio?grant="))
            #expect(!link.url.contains(qa.tokens["1001"]!))
            #expect(abs(link.expiresAt.timeIntervalSinceNow - 600) < 60)

            let whole = try await qa.send(.GET, link.url, as: nil)
            #expect(whole.status == 200 && whole.body == QAFixture.audio)
            let part = try await qa.send(.GET, link.url, as: nil, headers: ["Range": "bytes=100-199"])
            #expect(part.status == 206 && part.headers["content-range"] == "bytes 100-199/1000")
            #expect(part.body == QAFixture.audio.subdata(in: 100..<200))
            let outside = try await qa.send(.GET, link.url, as: nil, headers: ["Range": "bytes=2000-"])
            #expect(outside.status == 416 && outside.headers["content-range"] == "bytes */1000")
            // Without a grant or token the audio stays closed.
            #expect(try await qa.send(.GET, "/api/recordings/acd-c1/audio", as: nil).status == 401)
        }
    }

    @Test("links are issued only to those who may hear the call")
    func issuing() async throws {
        try await QAFixture.with { qa in
            let other = try await qa.send(.POST, "/api/recordings/acd-c1/playback", as: "1002")
            #expect(other.status == 403 && other.errorCode == "forbidden")
            #expect(try await qa.send(.POST, "/api/recordings/acd-c1/playback", as: nil).status == 401)
            #expect(try await qa.send(.POST, "/api/recordings/acd-c1/playback", as: "not-a-token").status == 401)
            #expect(try await qa.send(.POST, "/api/recordings/nope/playback", as: "admin").status == 404)
            for user in ["qa-lead", "supervisor", "admin", "1001"] {
                #expect(try await qa.send(.POST, "/api/recordings/acd-c1/playback", as: user).status == 200, "\(user)")
            }
            try await qa.store.recordings.markDeleted(id: "acd-c2", by: "test", reason: "test")
            #expect(try await qa.send(.POST, "/api/recordings/acd-c2/playback", as: "admin").status == 404)
        }
    }

    @Test("a link opens only its recording; tampered, foreign-key or garbage grants are 401")
    func tampering() async throws {
        try await QAFixture.with { qa in
            let link = try await qa.send(.POST, "/api/recordings/acd-c1/playback", as: "qa-lead").decode(RecordingPlaybackLinks.Link.self)
            let grant = Self.grant(link.url)

            let elsewhere = try await qa.send(.GET, "/api/recordings/acd-c2/audio?grant=\(grant)", as: nil)
            #expect(elsewhere.status == 403 && elsewhere.errorCode == "forbidden")

            // The payload rewritten to name another recording (and the admin role), the signature kept.
            let parts = grant.split(separator: ".").map(String.init)
            #expect(parts.count == 2)
            let payloadData = try #require(Self.decode(parts[0]))
            var payload = try #require(try JSONSerialization.jsonObject(with: payloadData) as? [String: Any])
            #expect(payload["rec"] as? String == "acd-c1")
            payload["rec"] = "acd-c2"
            payload["role"] = "admin"
            let forged = Self.encode(try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])) + "." + parts[1]
            let rewritten = try await qa.send(.GET, "/api/recordings/acd-c2/audio?grant=\(forged)", as: nil)
            #expect(rewritten.status == 401 && rewritten.errorCode == "unauthenticated")

            // One character of the signature changed.
            var mac = Array(parts[1])
            mac[mac.count / 2] = mac[mac.count / 2] == "A" ? "B" : "A"
            #expect(try await qa.send(.GET, "/api/recordings/acd-c1/audio?grant=\(parts[0]).\(String(mac))", as: nil).status == 401)

            // Signed by another server's key.
            let foreign = RecordingPlaybackLinks().issue(
                recordingID: "acd-c1", for: CTIPrincipal(userID: "1", agentID: nil, displayName: "x", role: .admin))
            #expect(try await qa.send(.GET, foreign.url, as: nil).status == 401)

            for garbage in ["", "abc", "a.b.c", "%00", parts[0], "." + parts[1], parts[0] + "."] {
                let refused = try await qa.send(.GET, "/api/recordings/acd-c1/audio?grant=\(garbage)", as: nil)
                #expect(refused.status == 401, "\(garbage) gave \(refused.status)")
            }
            // A bearer token next to a bad grant does not rescue it: the grant is what is checked.
            #expect(try await qa.send(.GET, "/api/recordings/acd-c1/audio?grant=abc", as: "admin").status == 401)
        }
    }

    @Test("a link expires after its lifetime; the call's rules are checked again when it is used")
    func expiryAndRecheck() async throws {
        let clock = LinkClock()
        let links = RecordingPlaybackLinks(lifetime: .seconds(300), now: { clock.now })
        try await QAFixture.with(links: links) { qa in
            let link = try await qa.send(.POST, "/api/recordings/acd-c1/playback", as: "1001").decode(RecordingPlaybackLinks.Link.self)
            #expect(link.expiresAt == clock.now.addingTimeInterval(300))
            clock.advance(299)
            #expect(try await qa.send(.GET, link.url, as: nil, headers: ["Range": "bytes=0-0"]).status == 206)
            clock.advance(1)
            let expired = try await qa.send(.GET, link.url, as: nil, headers: ["Range": "bytes=0-0"])
            #expect(expired.status == 401 && expired.errorCode == "unauthenticated")
            #expect(expired.text.contains("expired"))

            // A fresh link, then the recording is deleted: the link no longer plays it.
            let fresh = try await qa.send(.POST, "/api/recordings/acd-c1/playback", as: "1001").decode(RecordingPlaybackLinks.Link.self)
            #expect(try await qa.send(.GET, fresh.url, as: nil, headers: ["Range": "bytes=0-0"]).status == 206)
            try await qa.store.recordings.markDeleted(id: "acd-c1", by: "test", reason: "test")
            #expect(try await qa.send(.GET, fresh.url, as: nil).status == 404)
        }
    }

    @Test("the signer on its own: valid until the expiry second, bound to one recording, keyed")
    func signer() throws {
        let clock = LinkClock()
        let secret = Data((0..<32).map { UInt8($0) })
        let links = RecordingPlaybackLinks(secret: secret, lifetime: .seconds(60), now: { clock.now })
        let agent = CTIPrincipal(userID: "7", agentID: "1001", displayName: "An", role: .agent)
        let link = links.issue(recordingID: "rec/1 a", for: agent)
        #expect(link.url.hasPrefix("/api/recordings/rec%2F1%20a/audio?grant="))
        let grant = Self.grant(link.url)
        let back = try links.principal(grant: grant, recordingID: "rec/1 a")
        #expect(back.userID == "7" && back.agentID == "1001" && back.role == .agent)
        #expect(throws: QAServiceError.self) { try links.principal(grant: grant, recordingID: "rec-2") }
        // The same secret verifies; another does not.
        #expect(throws: Never.self) { try RecordingPlaybackLinks(secret: secret, now: { clock.now }).principal(grant: grant, recordingID: "rec/1 a") }
        let other = RecordingPlaybackLinks(secret: Data(repeating: 9, count: 32), now: { clock.now })
        #expect(throws: QAServiceError.self) { try other.principal(grant: grant, recordingID: "rec/1 a") }
        clock.advance(59)
        #expect(throws: Never.self) { try links.principal(grant: grant, recordingID: "rec/1 a") }
        clock.advance(1)
        do {
            _ = try links.principal(grant: grant, recordingID: "rec/1 a")
            Issue.record("an expired grant was accepted")
        } catch {
            #expect(error.code == .unauthorized && error.message.contains("expired"))
        }
    }

    static func decode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }

    static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
