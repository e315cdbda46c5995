import CTIApp
import CTICore
import Foundation
import Storage
import Telephony

/// The demo contact centre: two queues, six agents, a supervisor, a QA evaluator, an admin,
/// customers whose numbers the demo callers use, and a few open tickets.
public enum DemoSite {
    /// The password of every demo login (printed by `ctibridge demo`; never use outside the demo).
    public static let password = "demo-password-2026"

    /// Agent ids; each is also the agent's username and phone extension.
    public static let agents = ["1001", "1002", "1003", "1004", "1005", "1006"]

    /// Display names of queues and agents for the wallboard.
    public static let names: [String: String] = [
        "sales": "Sales", "support": "Support",
        "1001": "An Nguyen", "1002": "Binh Tran", "1003": "Chi Le", "1004": "Dung Pham", "1005": "Giang Vo", "1006": "Hoa Do",
    ]

    /// Queues and agents; `wrapUp` and `ringTimeout` in seconds.
    public static func acd(wrapUp: Double = 8, ringTimeout: Double = 15) -> ACDConfiguration {
        let sales = QueueConfiguration(id: "sales", ringTimeout: ringTimeout, wrapUp: wrapUp, autoPause: .yes, autoPauseAfterMisses: 3)
        let support = QueueConfiguration(id: "support", ringTimeout: ringTimeout, wrapUp: wrapUp, autoPause: .yes, autoPauseAfterMisses: 3)
        let agents = self.agents.enumerated().map { index, id in
            AgentConfiguration(
                id: AgentID(id),
                memberships: index < 3 ? [.init("sales"), .init("support", penalty: 1)] : [.init("support"), .init("sales", penalty: 1)],
                skills: ["sales": index < 3 ? 5 : 3, "support": index < 3 ? 3 : 5])
        }
        return ACDConfiguration(queues: [sales, support], agents: agents)
    }

    /// The controller configuration: each agent's phone is `PJSIP/<id>`.
    public static func controller(wrapUp: Double = 8, announcementInterval: Double? = 20) -> ACDControllerConfiguration {
        var configuration = ACDControllerConfiguration(
            engine: acd(wrapUp: wrapUp), agentEndpoints: Dictionary(uniqueKeysWithValues: agents.map { (AgentID($0), "PJSIP/\($0)") }))
        configuration.announcementInterval = announcementInterval
        return configuration
    }

    /// Callers of the demo: number, name; the first ones are customers in the CRM.
    public static let callers: [(number: String, name: String)] = [
        ("+84912345678", "Tran Thi B"), ("+84903111222", "Le Van C"), ("+84987654321", "Pham Thi D"),
        ("+84935555777", "Hoang Van E"), ("+84977000111", "Vu Thi F"), ("+84966123123", "Unknown caller"),
        ("+84944888999", "Nguyen Van G"), ("+84922444666", "Unknown caller"),
    ]

    /// Fills an empty store with the demo's users, customers and tickets; does nothing if the
    /// users already exist (a second run keeps the data).
    public static func seed(_ store: CTIStore) async throws {
        try await seedQA(store)
        if (try? await store.users.get(username: "admin")) != nil { return }
        let people: [(String, String, Role)] = [
            ("admin", "Site Admin", .admin), ("supervisor", "Mai Supervisor", .supervisor), ("qa-lead", "Quang QA", .qa),
        ] + agents.map { ($0, names[$0] ?? $0, .agent) }
        for (username, name, role) in people {
            _ = try await store.users.create(
                UserDraft(username: username, displayName: name, role: role, groups: role == .agent ? ["floor-1"] : [], password: password),
                by: "demo-seed")
        }
        let customers: [CustomerDraft] = [
            CustomerDraft(
                name: "Tran Thi B", phoneNumbers: ["0912 345 678"], emails: ["b.tran@example.com"], company: "Saigon Coffee Co.",
                tags: ["wholesale"], isVIP: true, notes: "Prefers Vietnamese; key account."),
            CustomerDraft(name: "Le Van C", phoneNumbers: ["+84903111222"], company: "Hanoi Print", tags: ["smb"]),
            CustomerDraft(name: "Pham Thi D", phoneNumbers: ["84987654321"], emails: ["d.pham@example.com"], tags: ["retail"]),
            CustomerDraft(name: "Hoang Van E", phoneNumbers: ["0935 555 777"], company: "Da Nang Tours", tags: ["travel"]),
            CustomerDraft(name: "Vu Thi F", phoneNumbers: ["0977 000 111"], tags: ["retail", "new"]),
            CustomerDraft(name: "Nguyen Van G", phoneNumbers: ["0944 888 999"], company: "Mekong Freight", tags: ["logistics"]),
        ]
        for (index, draft) in customers.enumerated() {
            let customer = try await store.customers.create(draft)
            if index % 2 == 0 {
                _ = try await store.tickets.create(
                    TicketDraft(
                        subject: index == 0 ? "Invoice 2026-114 shows the wrong VAT" : "Delivery delayed",
                        description: "Opened by the demo seed.", priority: index == 0 ? .high : .normal, customerID: customer.id),
                    by: "demo-seed")
            }
        }
    }
}
