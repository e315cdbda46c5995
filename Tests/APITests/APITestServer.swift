import AsyncHTTPClient
import CTIApp
import CTICore
import CTIServer
import Foundation
import GRDB
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import Storage
import Telephony
import TestSupport
import Testing

/// The CTI server with the REST API over a real SQLite file in a temporary directory, on
/// 127.0.0.1 port 0, with one user per role (and a second agent) holding API tokens.
struct APITestServer: Sendable {
    let store: CTIStore
    let port: Int
    /// Bearer tokens by username: `admin`, `sue` (supervisor), `quinn` (QA), `alice` and `bob` (agents).
    let tokens: [String: String]
    let userIDs: [String: Int64]

    var base: String { "http://127.0.0.1:\(port)" }

    /// username, role, groups.
    static let people: [(String, Role, [String])] = [
        ("admin", .admin, []), ("sue", .supervisor, ["billing"]), ("quinn", .qa, []), ("alice", .agent, ["billing"]),
        ("bob", .agent, ["sales"]),
    ]

    /// `actions` answers agent actions (socket and `/api/actions`) over the store; nil keeps them in memory.
    @discardableResult
    static func with<T: Sendable>(
        access: AccessPolicy = AccessPolicy(), actions: (@Sendable (CTIStore) -> any AgentActionHandler)? = nil,
        _ body: @Sendable (APITestServer) async throws -> T
    ) async throws -> T {
        try await withNetworkTestSlot {
            let directory = NSTemporaryDirectory() + "ctibridge-api-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            var configuration = try StorageConfiguration(path: directory + "/api.sqlite", defaultCountry: "VN", access: access, fullSync: false)
            configuration.weakPasswordHashingForTests = true  // dozens of users per run; hash strength is tested in StorageTests
            let settings = configuration
            // Opening migrates synchronously: done on a thread of its own, not on the cooperative pool other tests share.
            let store = try await offCooperativePool { try CTIStore.open(settings) }
            defer { try? store.close() }
            var tokens: [String: String] = [:]
            var userIDs: [String: Int64] = [:]
            for (username, role, groups) in people {
                // Inserted directly, so the fixture spends no time hashing passwords nobody types.
                let id = try await store.database.write { db in
                    try db.execute(
                        sql: """
                            INSERT INTO users (username, display_name, role, groups, password_hash, is_active, created_at, updated_at)
                            VALUES (?, ?, ?, ?, 'unusable', 1, 0, 0)
                            """,
                        arguments: [username, username.capitalized, role.rawValue, String(decoding: try JSONEncoder().encode(groups), as: UTF8.self)])
                    return db.lastInsertedRowID
                }
                userIDs[username] = id
                tokens[username] = try await store.users.issueAPIToken(userID: id, name: "tests", by: "fixture").token
            }
            let sessions = StoreSessions(store: store)
            let hub = CTIHub(configuration: CTIServerConfiguration(port: 0))
            var dependencies = CTIServerDependencies(authenticator: sessions, sessions: sessions, actions: actions?(store) ?? InMemoryAgentActions(hub: hub))
            dependencies.records = StoreRecords(store: store)
            dependencies.flows = CatalogFlowAdministration(catalog: IVRFlowCatalog(), store: store)
            dependencies.metrics = { "# no metrics\n" }
            dependencies.qa = StoreQAService(store: store, settings: QASettings())
            var logger = Logger(label: "api.test")
            logger.logLevel = .warning
            let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
            let app = buildApplication(
                configuration: CTIServerConfiguration(port: 0), dependencies: dependencies, hub: hub, logger: logger,
                onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) })
            let frozenTokens = tokens
            let frozenIDs = userIDs
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await app.runService()
                    return nil
                }
                var iterator = ports.makeAsyncIterator()
                let port = try #require(await iterator.next())
                let server = APITestServer(store: store, port: port, tokens: frozenTokens, userIDs: frozenIDs)
                do {
                    let result = try await body(server)
                    group.cancelAll()
                    return result
                } catch {
                    group.cancelAll()
                    throw error
                }
            }
        }
    }

    /// An HTTP answer.
    struct Answer: Sendable {
        var status: Int
        var body: String
        var contentType: String?

        var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: Data(body.utf8)) }

        /// The error body's code, if this is one.
        var errorCode: String? {
            guard case .object(let top)? = json, case .object(let error)? = top["error"], case .string(let code)? = error["code"] else {
                return nil
            }
            return code
        }

        /// The fields named in a validation error body.
        var errorFields: [String] {
            guard case .object(let top)? = json, case .object(let error)? = top["error"], case .array(let fields)? = error["fields"] else {
                return []
            }
            return fields.compactMap { field in
                if case .object(let members) = field, case .string(let name)? = members["field"] { name } else { nil }
            }
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(type, from: Data(body.utf8))
        }
    }

    /// Calls the API as `user` (nil: no token) with an optional raw body.
    func call(
        _ method: HTTPMethod, _ path: String, as user: String? = nil, body: String? = nil, contentType: String = "application/json"
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let user { request.headers.add(name: "Authorization", value: "Bearer \(tokens[user] ?? user)") }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 8 << 20)
        return Answer(status: Int(response.status.code), body: String(buffer: bytes), contentType: response.headers.first(name: "Content-Type"))
    }

    /// Creates a customer through the API as `user` and returns it.
    func createCustomer(_ json: String, as user: String = "admin") async throws -> Customer {
        let answer = try await call(.POST, "/api/customers", as: user, body: json)
        #expect(answer.status == 201, "\(answer.body)")
        return try answer.decode(Customer.self)
    }

    /// Opens a ticket through the API as `user` and returns it.
    func createTicket(_ json: String, as user: String) async throws -> Ticket {
        let answer = try await call(.POST, "/api/tickets", as: user, body: json)
        #expect(answer.status == 201, "\(answer.body)")
        return try answer.decode(Ticket.self)
    }
}
