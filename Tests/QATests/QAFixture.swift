import AsyncHTTPClient
import CTIApp
import CTICore
import CTIServer
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import Storage
import Synchronization
import Testing
import TestSupport

/// The QA API on a real CTI server (127.0.0.1, port 0) over a real SQLite file, with users,
/// bearer tokens, a recordings directory holding one 1,000-byte file per indexed call.
struct QAFixture: Sendable {
    let store: CTIStore
    let folder: URL
    let recordings: URL
    let port: Int
    /// username → bearer token.
    let tokens: [String: String]

    var http: String { "http://127.0.0.1:\(port)" }

    /// The bytes of every test recording file: 0, 1, … 255, 0, 1, …
    static let audio = Data((0..<1_000).map { UInt8($0 % 256) })

    /// Users: `qa-lead`, `qa-2` (QA), `supervisor`, `admin`, agents `1001`, `1002`.
    static let people: [(String, Role)] = [
        ("qa-lead", .qa), ("qa-2", .qa), ("supervisor", .supervisor), ("admin", .admin), ("1001", .agent), ("1002", .agent),
    ]

    /// Calls with recordings: c1 (1001, 40 s), c2 (1002, 25 s), c3 (taken by qa-lead, 50 s).
    static let calls: [(call: String, agent: String, queue: String, seconds: Double)] = [
        ("c1", "1001", "support", 40), ("c2", "1002", "sales", 25), ("c3", "qa-lead", "support", 50),
    ]

    static func with(
        settings: (URL) -> QASettings = { QASettings(recordingsDirectory: $0) }, links: RecordingPlaybackLinks = RecordingPlaybackLinks(),
        _ body: @Sendable (QAFixture) async throws -> Void
    ) async throws {
        try await withNetworkTestSlot {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qa-\(UUID().uuidString)", isDirectory: true)
            let recordings = folder.appendingPathComponent("recordings", isDirectory: true)
            try FileManager.default.createDirectory(at: recordings, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            var configuration = try StorageConfiguration(path: folder.appendingPathComponent("qa.sqlite").path, defaultCountry: "VN")
            configuration.weakPasswordHashingForTests = true  // several users per test; hash strength is tested in StorageTests
            let store = try CTIStore.open(configuration)
            var tokens: [String: String] = [:]
            for (username, role) in people {
                let user = try await store.users.create(
                    UserDraft(username: username, displayName: username, role: role, groups: role == .agent ? ["floor-1"] : [], password: "qa-test-password-1"),
                    by: "test")
                tokens[username] = try await store.users.issueAPIToken(userID: user.id, name: "test", by: "test").token
            }
            let now = Date()
            for (index, call) in calls.enumerated() {
                let name = "acd-\(call.call)"
                try audio.write(to: recordings.appendingPathComponent("\(name).wav"))
                try await store.recordings.add(RecordingEntry(
                    id: name, callID: call.call, agentID: call.agent, queue: call.queue, startedAt: now.addingTimeInterval(Double(index - 10)),
                    durationSeconds: call.seconds, format: "wav", location: "\(name).wav"))
            }
            let hub = CTIHub(configuration: CTIServerConfiguration(port: 0))
            let sessions = StoreSessions(store: store)
            var dependencies = CTIServerDependencies(authenticator: sessions, sessions: sessions, actions: InMemoryAgentActions(hub: hub))
            dependencies.qa = StoreQAService(store: store, settings: settings(recordings))
            dependencies.recordingLinks = links
            var logger = Logger(label: "qa.test")
            logger.logLevel = .warning
            let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
            let app = buildApplication(
                configuration: CTIServerConfiguration(port: 0), dependencies: dependencies, hub: hub, logger: logger,
                onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) })
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await app.runService() }
                var iterator = ports.makeAsyncIterator()
                let port = try #require(await iterator.next())
                let fixture = QAFixture(store: store, folder: folder, recordings: recordings, port: port, tokens: tokens)
                do {
                    try await body(fixture)
                } catch {
                    group.cancelAll()
                    throw error
                }
                group.cancelAll()
            }
            try store.close()
        }
    }

    /// An HTTP answer.
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        /// The body as a JSON object.
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        /// The body as a JSON array.
        var list: [[String: Any]] { (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? [] }
        /// `error.code` of a JSON error body.
        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
        /// `error.fields[].field`.
        var problemFields: [String] { ((json["error"] as? [String: Any])?["fields"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String } }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(type, from: body)
        }
    }

    /// Sends a request as `user` (nil: no token) with a JSON or raw body.
    func send(
        _ method: NIOHTTP1.HTTPMethod, _ path: String, as user: String?, json: (any Encodable)? = nil, raw: String? = nil, headers: [String: String] = [:]
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: http + path)
        request.method = method
        if let user { request.headers.add(name: "Authorization", value: "Bearer \(tokens[user] ?? user)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            let encoder = JSONEncoder()
            request.body = .bytes(ByteBuffer(bytes: try encoder.encode(json)))
            request.headers.add(name: "Content-Type", value: "application/json")
        } else if let raw {
            request.body = .bytes(ByteBuffer(string: raw))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let collected = try await response.body.collect(upTo: 10 * 1024 * 1024)
        var fields: [String: String] = [:]
        for header in response.headers { fields[header.name.lowercased()] = header.value }
        return Reply(status: Int(response.status.code), headers: fields, body: Data(collected.readableBytesView))
    }
}

/// The card the QA API tests score on: q1 yes/no 10, q3 scale 0-4 20 (section A); q4 yes/no 30,
/// q5 yes/no 10 form-critical (section B).
let apiCard = Scorecard(
    id: "service", name: "Service", passingMark: 80,
    sections: [
        ScorecardSection(id: "A", title: "Greeting", questions: [
            ScorecardQuestion(id: "q1", text: "Greets the caller", points: 10),
            ScorecardQuestion(id: "q3", text: "Tone", kind: .scale(max: 4), points: 20),
        ]),
        ScorecardSection(id: "B", title: "Resolution", questions: [
            ScorecardQuestion(id: "q4", text: "Resolves the issue", points: 30),
            ScorecardQuestion(id: "q5", text: "Verifies identity", points: 10, critical: .form),
        ]),
    ])
