import ARI
import AsteriskSimulator
import AsyncHTTPClient
import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1
import TestSupport
import Testing
import WSClient

/// The simulator's ARI side at the HTTP level: statuses, headers and JSON shapes as in the captures.
@Suite struct ARISimulatorHTTPTests {
    static let auth = "Basic " + Data("ctibridge:s3cret".utf8).base64EncodedString()

    static func makeSimulator() -> ARISimulator {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ari-sim-\(UUID().uuidString)")
        var configuration = ARISimulatorConfiguration(username: "ctibridge", password: "s3cret", recordingsDirectory: folder)
        configuration.eventDelay = .milliseconds(5)
        configuration.answerDelay = .milliseconds(10)
        return ARISimulator(configuration: configuration)
    }

    static func serving<T: Sendable>(_ body: @escaping @Sendable (ARISimulator, String) async throws -> T) async throws -> T {
        let simulator = makeSimulator()
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await simulator.run()
                return nil
            }
            group.addTask { try await body(simulator, await simulator.baseURL()) }
            while let result = try await group.next() {
                if let result {
                    group.cancelAll()
                    return result
                }
            }
            throw CancellationError()
        }
    }

    struct Answer {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }
        var keys: Set<String> { Set((json as? [String: Any])?.keys.map { $0 } ?? []) }
        var message: String? { (json as? [String: Any])?["message"] as? String }
    }

    static func call(_ method: HTTPMethod, _ url: String, authorization: String? = auth) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return Answer(status: Int(response.status.code), headers: response.headers, body: Array(body.readableBytesView))
    }

    /// The key set of each JSON object in the REST transcript whose path matches.
    static func captureKeys(path: String) throws -> Set<String> {
        for line in String(decoding: try Fixtures.bytes("ari-rest-transcript.jsonl"), as: UTF8.self).split(separator: "\n") {
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard entry["path"] as? String == path, let body = entry["response_body"] as? String,
                let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
            else { continue }
            return Set(object.keys)
        }
        Issue.record("no capture for \(path)")
        return []
    }

    @Test func badPasswordIs401WithChallenge() async throws {
        try await Self.serving { _, base in
            let answer = try await Self.call(.GET, base + "/channels", authorization: "Basic " + Data("ctibridge:nope".utf8).base64EncodedString())
            #expect(answer.status == 401)
            #expect(answer.message == "Authentication required")
            #expect(answer.headers.first(name: "WWW-Authenticate")?.hasPrefix("Basic realm=") == true)
            #expect(try await Self.call(.GET, base + "/channels", authorization: nil).status == 401)
            #expect(try await Self.call(.GET, base + "/channels?api_key=ctibridge:s3cret", authorization: nil).status == 200)
            #expect(try await Self.call(.GET, base + "/channels?api_key=ctibridge:bad", authorization: nil).status == 401)
        }
    }

    @Test func capturedErrorAnswers() async throws {
        try await Self.serving { simulator, base in
            let slash = try await Self.call(.GET, base + "/channels/")
            #expect(slash.status == 404)
            #expect(slash.message == "ARI URLs do not end with a slash. Try /ari/channels")

            let unknown = try await Self.call(.POST, base + "/channels/no-such-channel/answer")
            #expect(unknown.status == 404)
            #expect(unknown.message == "Channel not found")

            let bogus = try await Self.call(.POST, base + "/channels?endpoint=Bogus/xyz&app=ctibridge")
            #expect(bogus.status == 500)
            #expect((bogus.json as? [String: String]) == ["error": "Allocation failed"])

            let local = try await Self.call(.POST, base + "/channels?endpoint=Local/s@customer/n&extension=7000&context=inbound&channelId=a-1&otherChannelId=a-2")
            #expect(local.status == 200)
            #expect(local.keys == (try Self.captureKeys(path: "/channels")))
            #expect((local.json as? [String: Any])?["state"] as? String == "Down")

            let notInStasis = try await Self.call(.POST, base + "/channels/a-2/play?media=sound:hello-world")
            #expect(notInStasis.status == 409)
            #expect(notInStasis.message == "Channel not in Stasis application")
            let dtmf = try await Self.call(.POST, base + "/channels/a-2/dtmf?dtmf=1")
            #expect(dtmf.status == 409)

            let bridge = try await Self.call(.POST, base + "/bridges?type=mixing&bridgeId=br-1&name=call-1")
            #expect(bridge.keys == (try Self.captureKeys(path: "/bridges")))
            let quirk = try await Self.call(.POST, base + "/bridges/br-1/addChannel?channel=no-such-channel")
            #expect(quirk.status == 400)
            #expect(quirk.message == "Channel not found")

            let stopped = try await Self.call(.DELETE, base + "/playbacks/pb-gone")
            #expect(stopped.status == 404)
            #expect(simulator.channel("a-1")?.linkedID == "a-1")
        }
    }

    @Test func eventsNeedAnApp() async throws {
        try await Self.serving { _, base in
            let missing = try await Self.call(.GET, base + "/events")
            #expect(missing.status == 400)
            let url = base.replacingOccurrences(of: "http://", with: "ws://") + "/events"
            var configuration = WebSocketClientConfiguration()
            configuration.additionalHeaders[.authorization] = Self.auth
            let client = WebSocketClient(url: url, configuration: configuration, logger: Logger(label: "test.ws")) { _, _, _ in
                Issue.record("the upgrade without app must be refused")
            }
            await #expect(throws: (any Error).self) { try await client.run() }
        }
    }

    @Test func eventShapesMatchTheCapture() async throws {
        var captured: [String: Set<String>] = [:]
        var capturedChannelKeys: Set<String> = []
        for line in String(decoding: try Fixtures.bytes("ari-ivr-session.jsonl"), as: UTF8.self).split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            captured[object["type"] as? String ?? ""] = Set(object.keys)
            if let channel = object["channel"] as? [String: Any] { capturedChannelKeys = Set(channel.keys) }
        }
        let frames = try await Self.serving { simulator, base in
            let url = base.replacingOccurrences(of: "http://", with: "ws://") + "/events?app=ctibridge&subscribeAll=false"
            var configuration = WebSocketClientConfiguration()
            configuration.additionalHeaders[.authorization] = Self.auth
            let socketConfiguration = configuration
            let (stream, continuation) = AsyncStream.makeStream(of: String.self)
            return try await withThrowingTaskGroup(of: [String]?.self) { group in
                group.addTask {
                    let client = WebSocketClient(url: url, configuration: socketConfiguration, logger: Logger(label: "test.ws")) { inbound, _, _ in
                        for try await message in inbound.messages(maxSize: 1 << 20) {
                            if case .text(let text) = message { continuation.yield(text) }
                        }
                    }
                    try await client.run()
                    return nil
                }
                group.addTask {
                    while simulator.activeApplications.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
                    try simulator.injectInboundCall(application: "ctibridge", channelID: "c1")
                    try simulator.injectDTMF(channelID: "c1", digits: "1")
                    try simulator.hangUp(channelID: "c1")
                    var frames: [String] = []
                    for await frame in stream {
                        frames.append(frame)
                        if frame.contains("ChannelDestroyed") { break }
                    }
                    return frames
                }
                while let result = try await group.next() {
                    if let result {
                        group.cancelAll()
                        return result
                    }
                }
                return []
            }
        }
        #expect(frames.count == 5)
        for frame in frames {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(frame.utf8)) as? [String: Any])
            let type = try #require(object["type"] as? String)
            if let expected = captured[type], type != "ChannelHangupRequest" {
                #expect(Set(object.keys) == expected, "\(type) keys")
            }
            if let channel = object["channel"] as? [String: Any] {
                #expect(Set(channel.keys) == capturedChannelKeys)
            }
            #expect(object["application"] as? String == "ctibridge")
        }
    }
}
