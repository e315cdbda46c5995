import CTICore
import Hummingbird
import InMemoryLogging
import Logging
import NIOCore
import Testing
import TestSupport
@testable import CTIServer

/// A real CTI server on 127.0.0.1, port 0, with two agents, a supervisor and a QA user.
struct CTITestServer: Sendable {
    let hub: CTIHub
    let auth: StaticTokenAuthenticator
    let actions: InMemoryAgentActions
    let port: Int

    var http: String { "http://127.0.0.1:\(port)" }
    var ws: String { "ws://127.0.0.1:\(port)" }

    static let alice = CTIPrincipal(userID: "u-alice", agentID: "A1", displayName: "Alice Agent", role: .agent)
    static let bob = CTIPrincipal(userID: "u-bob", agentID: "A2", displayName: "Bob Agent", role: .agent)
    static let sue = CTIPrincipal(userID: "u-sue", agentID: nil, displayName: "Sue Supervisor", role: .supervisor)
    static let quinn = CTIPrincipal(userID: "u-quinn", agentID: nil, displayName: "Quinn QA", role: .qa)

    @discardableResult
    static func with<T: Sendable>(
        configuration: CTIServerConfiguration = CTIServerConfiguration(port: 0),
        readiness: any CTIReadiness = AlwaysReady(),
        _ body: @Sendable (CTITestServer) async throws -> T
    ) async throws -> T {
        try await withNetworkTestSlot {
            let hub = CTIHub(configuration: configuration)
            let auth = StaticTokenAuthenticator(
                tokens: ["tok-alice": alice, "tok-alice-2": alice, "tok-bob": bob, "tok-sue": sue, "tok-quinn": quinn],
                users: [
                    .init(username: "alice", password: "alice-pw", principal: alice),
                    .init(username: "sue", password: "sue-pw", principal: sue),
                ])
            let actions = InMemoryAgentActions(hub: hub)
            let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
            // Everything the server logs is kept, so a socket test that waits in vain can say what the
            // server did with it (see `ServerLogs`); only warnings and worse are printed.
            let recorded = InMemoryLogHandler()
            var logger = Logger(label: "cti.test") { label in
                var printed = StreamLogHandler.standardError(label: label)
                printed.logLevel = .warning
                var kept = recorded
                kept.logLevel = .trace
                return MultiplexLogHandler([printed, kept])
            }
            logger.logLevel = .trace
            let app = buildApplication(
                configuration: configuration,
                dependencies: CTIServerDependencies(authenticator: auth, sessions: auth, actions: actions, readiness: readiness),
                hub: hub, logger: logger,
                onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) })
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await app.runService()
                    return nil
                }
                var iterator = ports.makeAsyncIterator()
                let port = try #require(await iterator.next())
                ServerLogs.register(recorded, port: port)
                defer { ServerLogs.remove(port: port) }
                let server = CTITestServer(hub: hub, auth: auth, actions: actions, port: port)
                let result = try await body(server)
                group.cancelAll()
                return result
            }
        }
    }
}

/// Sample pops.
enum CTISamples {
    static func offer(_ callID: String, number: String = "+44 20 7946 0018") -> CTIScreenPopMessage {
        .offer(call(callID, number: number))
    }

    static func call(_ callID: String, number: String = "+44 20 7946 0018") -> CTICallPop {
        CTICallPop(
            callID: callID, callerNumber: number, callerName: "Ada Lovelace", dnis: "0800 555 0100", queue: "support",
            waitSeconds: 42, ivrPath: ["welcome", "language:en", "menu", "support"], collectedDigits: ["account": "4711 0923"],
            customer: CTICustomerSummary(
                id: "CUST-20931", name: "Ada Lovelace", company: "Analytical Engines Ltd", vip: true,
                tags: ["Gold plan", "Renewal due"], notes: "Prefers email follow-up. Renewal on 12 Dec."),
            openTickets: [
                CTITicketSummary(id: "T-4821", subject: "Invoice shows the wrong VAT rate", status: "open", priority: "high", updatedAt: 1_795_000_000),
                CTITicketSummary(id: "T-4790", subject: "Add a second admin user", status: "pending", priority: "normal", updatedAt: 1_794_500_000),
            ],
            lastInteractions: [
                CTIInteractionSummary(id: "I-1", channel: "call", at: 1_794_900_000, agentName: "Bob Agent", disposition: "callback", note: "Asked for a VAT breakdown"),
                CTIInteractionSummary(id: "I-2", channel: "email", at: 1_794_200_000, agentName: "Carol Agent", disposition: "resolved"),
            ],
            recordingID: "rec-\(callID)", crmURL: "https://crm.example/search?phone=%2B442079460018")
    }
}
