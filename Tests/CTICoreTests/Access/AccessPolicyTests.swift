import CTICore
import Foundation
import Testing

@Suite("access policy: permissions, sharing rules, field hiding")
struct AccessPolicyTests {
    let policy = AccessPolicy()
    let alice = Principal(userID: 1, username: "alice", role: .agent, groups: ["billing"])
    let quinn = Principal(userID: 2, username: "quinn", role: .qa, groups: [])
    let sam = Principal(userID: 3, username: "sam", role: .supervisor, groups: [])
    let epoch = Date(timeIntervalSince1970: 0)

    func ticket(createdBy: String, assignee: TicketAssignee?) -> Ticket {
        Ticket(
            id: 1, number: 1, subject: "s", description: "", priority: .normal, category: nil, status: .open, assignee: assignee,
            customerID: nil, createdBy: createdBy, createdAt: epoch, updatedAt: epoch, dueAt: epoch, resolvedAt: nil, closedAt: nil,
            slaBreached: false
        )
    }

    @Test("profiles: agents cannot manage users or delete customers; QA cannot write tickets; admin can do all")
    func permissions() throws {
        #expect(!policy.allows(alice, .usersManage))
        #expect(!policy.allows(alice, .customersDelete))
        #expect(policy.allows(alice, .ticketsWrite))
        #expect(!policy.allows(quinn, .ticketsWrite))
        #expect(policy.allows(quinn, .evaluationsWrite))
        #expect(policy.allows(sam, .ticketsAssign))
        #expect(Permission.allCases.allSatisfy { policy.permissions(for: .admin).contains($0) })
        #expect(throws: RepositoryError.forbidden("agent lacks users.manage")) { try policy.require(alice, .usersManage) }
    }

    @Test("agents see tickets they opened, are assigned, or that sit with their group; nobody else's")
    func ticketSharing() {
        #expect(policy.canSee(ticket(createdBy: "alice", assignee: nil), by: alice))
        #expect(policy.canSee(ticket(createdBy: "bob", assignee: .agent("alice")), by: alice))
        #expect(policy.canSee(ticket(createdBy: "bob", assignee: .group("billing")), by: alice))
        #expect(!policy.canSee(ticket(createdBy: "bob", assignee: .group("sales")), by: alice))
        #expect(!policy.canSee(ticket(createdBy: "bob", assignee: .agent("carol")), by: alice))
        #expect(policy.canSee(ticket(createdBy: "bob", assignee: .agent("carol")), by: sam))
        let ownOnly = AccessPolicy(sharing: SharingRules(tickets: [.agent: .own]))
        #expect(!ownOnly.canSee(ticket(createdBy: "bob", assignee: .group("billing")), by: alice))
    }

    @Test("customer sharing by owner and group; notes hidden from QA")
    func customers() {
        let customer = Customer(
            id: 1, name: "C", phoneNumbers: ["+84912345678"], notes: "owes money", ownerAgent: "bob", ownerGroup: "billing",
            createdAt: epoch, updatedAt: epoch
        )
        #expect(policy.canSee(customer, by: alice))
        let strict = AccessPolicy(sharing: SharingRules(customers: [.agent: .group]))
        #expect(strict.canSee(customer, by: alice))
        #expect(!strict.canSee(customer, by: Principal(userID: 9, username: "zed", role: .agent, groups: ["sales"])))
        #expect(!AccessPolicy(sharing: SharingRules(customers: [.agent: .own])).canSee(customer, by: alice))
        #expect(policy.redacted(customer, for: .qa).notes == nil)
        #expect(policy.redacted(customer, for: .qa).phoneNumbers == ["+84912345678"])
        #expect(policy.redacted(customer, for: .agent).notes == "owes money")
    }
}
