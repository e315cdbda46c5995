import ARI
import Foundation
import TestSupport
import Testing

/// Every byte Asterisk really sent must decode into the models.
@Suite struct CaptureDecodingTests {
    static func lines(_ name: String) throws -> [String] {
        String(decoding: try Fixtures.bytes(name), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func everyEventOfTheIVRSessionDecodes() throws {
        let lines = try Self.lines("ari-ivr-session.jsonl")
        #expect(lines.count == 42)
        for line in lines {
            let event = try ARIEvent.decode(line)
            #expect(event.application == "ctibridge")
            #expect(event.asteriskID == "02:fc:00:00:00:01")
            if case .unknown = event.payload { Issue.record("capture type \(event.type) is not modelled") }
            #expect(event.payload.typeName == event.type)
        }
    }

    @Test func ivrSessionDetails() throws {
        let events = try Self.lines("ari-ivr-session.jsonl").map { try ARIEvent.decode($0) }
        guard case .stasisStart(let start) = events[0].payload else {
            Issue.record("first event is not StasisStart")
            return
        }
        #expect(start.args == ["inbound", "7000"])
        #expect(start.channel.linkedID == "ari-cust-1")
        #expect(start.channel.caller == ARICallerID(name: "Tran Thi B", number: "+84987654321"))
        #expect(start.channel.dialplan.appData == "ctibridge,inbound,7000")
        #expect(start.channel.state == .up)

        let digits = events.compactMap { event -> String? in
            if case .channelDtmfReceived(let dtmf) = event.payload { return dtmf.digit } else { return nil }
        }
        #expect(digits == ["1", "2"])

        let finished = events.compactMap { event -> ARIPlayback? in
            if case .playbackFinished(let finished) = event.payload { return finished.playback } else { return nil }
        }
        #expect(finished.map(\.id) == ["pb-1", "pb-bad"])
        #expect(finished.map(\.failed) == [false, true])

        let hangups = events.compactMap { event -> ARIChannelHangupRequest? in
            if case .channelHangupRequest(let request) = event.payload { return request } else { return nil }
        }
        #expect(hangups.contains { $0.soft == nil }, "a real ChannelHangupRequest without `soft` must decode")

        let recording = events.compactMap { event -> ARILiveRecording? in
            if case .recordingFinished(let finished) = event.payload { return finished.recording } else { return nil }
        }
        #expect(recording.first?.duration == 0)
        #expect(recording.first?.targetURI == "bridge:br-1")
    }

    @Test func eventsRoundTripThroughEncoding() throws {
        for line in try Self.lines("ari-ivr-session.jsonl") {
            let event = try ARIEvent.decode(line)
            let again = try ARIEvent.decode(Data(try JSONEncoder().encode(event)))
            #expect(again == event)
        }
    }

    /// Each REST answer of the transcript decodes as the model its path returns, and each error
    /// answer maps to the right ``ARIError`` code with Asterisk's message.
    @Test func everyRESTResponseBodyDecodes() throws {
        struct Entry: Decodable {
            var method: String
            var path: String
            var status: Int
            var response_body: String
        }
        let entries = try Self.lines("ari-rest-transcript.jsonl").map { try JSONDecoder().decode(Entry.self, from: Data($0.utf8)) }
        #expect(entries.count == 24)
        var decoded = 0
        for entry in entries {
            let body = Array(entry.response_body.utf8)
            let response = ARIResponse(status: entry.status, body: body)
            let parts = entry.path.split(separator: "/").map(String.init)
            switch entry.status {
            case 204:
                #expect(body.isEmpty)
            case 200 where entry.response_body.hasPrefix("<"):
                #expect(parts.last == "file")
            case 200, 201:
                switch (parts.first, parts.count, parts.dropFirst().first) {
                case _ where parts.contains("play"):
                    let playback = try response.decode(ARIPlayback.self, what: entry.path)
                    #expect(playback.state == .queued)
                case ("channels", _, _): _ = try response.decode(ARIChannel.self, what: entry.path)
                case ("bridges", 1, _): _ = try response.decode(ARIBridge.self, what: entry.path)
                case ("bridges", _, _): _ = try response.decode(ARILiveRecording.self, what: entry.path)
                case ("recordings", 2, "stored"): _ = try response.decode([ARIStoredRecording].self, what: entry.path)
                case ("applications", _, _):
                    let app = try response.decode(ARIApplication.self, what: entry.path)
                    #expect(app.channelIDs == ["ari-agent-1", "ari-agent-2", "ari-cust-1"])
                default: Issue.record("unexpected success path \(entry.path)")
                }
                decoded += 1
            default:
                let error = ARIError.http(status: entry.status, body: body, method: entry.method, path: entry.path)
                #expect(error.asteriskMessage != nil, "\(entry.path) error body has a message")
                #expect(error.status == entry.status)
                decoded += 1
            }
        }
        #expect(decoded == 17)
    }

    @Test(arguments: [
        (404, "{\"message\":\"Channel not found\"}", ARIError.Code.notFound, "Channel not found"),
        (409, "{\"message\":\"Channel not in Stasis application\"}", .notInStasis, "Channel not in Stasis application"),
        (404, "{\"message\":\"ARI URLs do not end with a slash. Try /ari/channels\"}", .notFound, "ARI URLs do not end with a slash. Try /ari/channels"),
        (401, "{\"message\":\"Authentication required\"}", .unauthorized, "Authentication required"),
        (400, "{\"message\":\"Channel not found\"}", .badRequest, "Channel not found"),
        (500, "{\"error\":\"Allocation failed\"}", .server, "Allocation failed"),
        (500, "{\"message\":\"Could not stop playback\"}", .server, "Could not stop playback"),
        (412, "{\"message\":\"Channel in invalid state\"}", .invalidState, "Channel in invalid state"),
        (422, "{\"message\":\"Channel not in Stasis application\"}", .unprocessable, "Channel not in Stasis application"),
        (403, "{\"message\":\"Forbidden\"}", .forbidden, "Forbidden"),
        (503, "{\"message\":\"Asterisk not booted\"}", .notBooted, "Asterisk not booted"),
    ])
    func errorStatusesMapToCodes(status: Int, body: String, code: ARIError.Code, message: String) {
        let error = ARIError.http(status: status, body: Array(body.utf8), method: "POST", path: "/x")
        #expect(error.code == code)
        #expect(error.asteriskMessage == message)
    }

    @Test func errorWithoutJSONBodyStillMaps() {
        let error = ARIError.http(status: 502, body: Array("<html>bad gateway</html>".utf8), method: "GET", path: "/x")
        #expect(error.code == .server)
        #expect(error.asteriskMessage == nil)
    }
}
