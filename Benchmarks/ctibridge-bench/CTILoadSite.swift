import CTICore
import CTIDemo
import Foundation
import GRDB
import Storage
import Telephony

/// The contact centre of `cti-load`: one queue, `agents` agents whose ids are also their usernames
/// and phone extensions, an IVR line that looks the caller up in the CRM and queues them, and a
/// store with the demo's customers and one API token per agent.
struct CTILoadSite {
    /// The dialled number of the benchmark's IVR line.
    static let dnis = "7100"
    static let queue = QueueID("support")

    let agentIDs: [String]

    init(agents: Int) {
        agentIDs = (0..<agents).map { String(20_000 + $0) }
    }

    /// The IVR flow: CRM lookup (answering the call first), then the queue. The caller's
    /// `StasisStart` is thus the last Asterisk event before the offer pop.
    static let flowJSON = """
        {
          "id": "load-line", "name": "Load test line", "start": "lookup",
          "nodes": [
            { "id": "lookup", "type": "lookup", "found": "queue", "vip": "queue", "notFound": "queue", "timeout": 3 },
            { "id": "queue", "type": "queue", "queue": "support", "priority": 0 }
          ]
        }
        """

    func flows() throws -> (IVRFlowCatalog, IVRDNISRoutes) {
        let catalog = IVRFlowCatalog()
        let flow = try IVRFlow.decode(json: Data(Self.flowJSON.utf8))
        try catalog.publish(flow, by: "bench", at: Date())
        return (catalog, IVRDNISRoutes([Self.dnis: flow.id], defaultFlowID: flow.id))
    }

    /// One queue with every agent; phones are `PJSIP/<id>`.
    func controller(wrapUp: Double) -> ACDControllerConfiguration {
        let queue = QueueConfiguration(id: Self.queue, ringTimeout: 15, wrapUp: wrapUp)
        let agents = agentIDs.map { AgentConfiguration(id: AgentID($0), memberships: [.init(Self.queue)]) }
        var configuration = ACDControllerConfiguration(
            engine: ACDConfiguration(queues: [queue], agents: agents),
            agentEndpoints: Dictionary(uniqueKeysWithValues: agentIDs.map { (AgentID($0), "PJSIP/\($0)") }))
        configuration.announcementInterval = nil
        return configuration
    }

    /// Seeds the demo's users and customers, adds the agents and returns a token per agent.
    ///
    /// The first agent is created through the repository; the others copy its password hash in
    /// one SQL statement each (hashing 2,000 passwords with PBKDF2 would take minutes and is not
    /// what this benchmark measures). Tokens are issued by the repository, as for a login.
    func seed(_ store: CTIStore) async throws -> [String: String] {
        try await DemoSite.seed(store)
        let first = try await store.users.create(
            UserDraft(username: agentIDs[0], displayName: "Agent \(agentIDs[0])", role: .agent, groups: ["floor-1"], password: DemoSite.password),
            by: "bench")
        let rest = Array(agentIDs.dropFirst())
        try await store.database.write { db in
            for id in rest {
                try db.execute(
                    sql: """
                        INSERT INTO users (username, display_name, role, groups, password_hash, is_active, created_at, updated_at)
                        SELECT ?, ?, role, groups, password_hash, 1, created_at, updated_at FROM users WHERE id = ?
                        """,
                    arguments: [id, "Agent \(id)", first.id])
            }
        }
        let users = try await store.database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, username FROM users WHERE role = 'agent'").map { row -> (Int64, String) in
                (row["id"], row["username"])
            }
        }
        let wanted = Set(agentIDs)
        var tokens: [String: String] = [:]
        for (id, username) in users where wanted.contains(username) {
            tokens[username] = try await store.users.issueAPIToken(userID: id, name: "cti-load", by: "bench").token
        }
        return tokens
    }
}
