import CTICore
import Foundation
import Storage
import Testing

@Suite("audit log")
struct AuditLogTests {
    @Test("user creation, role changes, token issue and ticket changes are audited with who, when and the diff")
    func entries() async throws {
        let test = try TestStore()
        let store = test.store
        let alice = try await store.users.create(UserDraft(username: "alice", displayName: "Alice", role: .agent, password: "correct horse battery"), by: "root")
        test.clock.advance(seconds: 5)
        _ = try await store.users.update(id: alice.id, UserUpdate(role: .supervisor), by: "root")
        _ = try await store.users.issueAPIToken(userID: alice.id, name: "crm", by: "root")
        let ticket = try await store.tickets.create(TicketDraft(subject: "S"), by: "alice")
        _ = try await store.tickets.update(id: ticket.id, TicketUpdate(priority: .high, status: .open), by: "alice")
        try await store.audit.record(actor: "sam", action: "flow.publish", entityType: "flow", entityID: "main", changes: [FieldChange(field: "version", oldValue: "1", newValue: "2")])

        let all = try await store.audit.entries(AuditQuery())
        #expect(all.items.map(\.action) == ["flow.publish", "ticket.update", "ticket.create", "token.issue", "user.role", "user.create"])
        let role = try #require(all.items.first { $0.action == "user.role" })
        #expect(role.actor == "root" && role.entityID == "\(alice.id)" && role.at == test.clock.now)
        #expect(role.changes == [FieldChange(field: "role", oldValue: "agent", newValue: "supervisor")])
        let ticketUpdate = try #require(all.items.first { $0.action == "ticket.update" })
        #expect(ticketUpdate.changes.map(\.field) == ["status", "priority"])
        let forTicket = try await store.audit.entries(AuditQuery(entityType: "ticket", entityID: "\(ticket.id)"))
        #expect(forTicket.total == 2)
        #expect(try await store.audit.entries(AuditQuery(actor: "root", page: PageRequest(limit: 1))).total == 3)
        let password = try await store.users.update(id: alice.id, UserUpdate(password: "a brand new secret"), by: "alice")
        #expect(password.id == alice.id)
        let latest = try await store.audit.entries(AuditQuery(page: PageRequest(limit: 1))).items[0]
        #expect(latest.changes == [FieldChange(field: "password", oldValue: nil, newValue: "(changed)")])
    }
}
