import CTICore
import Foundation
import Storage
import Testing

@Suite("tickets: numbers, transitions, SLA, comments, links, history, search")
struct TicketRepositoryTests {
    @Test("tickets get sequential numbers and an SLA due time from their priority")
    func create() async throws {
        let test = try TestStore()
        let tickets = test.store.tickets
        let first = try await tickets.create(TicketDraft(subject: " Line down ", priority: .urgent), by: "alice")
        let second = try await tickets.create(TicketDraft(subject: "Invoice question", priority: .low), by: "alice")
        #expect(first.number == 1 && second.number == 2 && second.displayNumber == "T-2")
        #expect(first.subject == "Line down" && first.status == .new && first.createdBy == "alice")
        #expect(first.dueAt == test.clock.now.addingTimeInterval(4 * 3600))
        #expect(second.dueAt == test.clock.now.addingTimeInterval(72 * 3600))
        #expect(try await tickets.get(id: first.id) == first)
        await #expect(throws: RepositoryError.notFound(entity: "ticket", id: "99")) { try await tickets.get(id: 99) }
    }

    @Test("allowed transitions succeed, forbidden ones fail with a typed error and change nothing")
    func transitions() async throws {
        let test = try TestStore()
        let tickets = test.store.tickets
        let ticket = try await tickets.create(TicketDraft(subject: "S"), by: "alice")
        #expect(try await tickets.update(id: ticket.id, TicketUpdate(status: .open), by: "alice").status == .open)
        #expect(try await tickets.update(id: ticket.id, TicketUpdate(status: .pending), by: "alice").status == .pending)
        let resolved = try await tickets.update(id: ticket.id, TicketUpdate(status: .resolved), by: "alice")
        #expect(resolved.resolvedAt == test.clock.now)
        let closed = try await tickets.update(id: ticket.id, TicketUpdate(status: .closed), by: "bob")
        #expect(closed.closedAt == test.clock.now)
        await #expect(throws: RepositoryError.invalidTransition(TicketTransitionError(from: .closed, to: .open))) {
            try await tickets.update(id: ticket.id, TicketUpdate(status: .open), by: "alice")
        }
        let other = try await tickets.create(TicketDraft(subject: "S2"), by: "alice")
        _ = try await tickets.update(id: other.id, TicketUpdate(status: .resolved), by: "alice")
        await #expect(throws: RepositoryError.invalidTransition(TicketTransitionError(from: .resolved, to: .pending))) {
            try await tickets.update(id: other.id, TicketUpdate(priority: .urgent, status: .pending), by: "alice")
        }
        #expect(try await tickets.get(id: other.id).priority == .normal)
        let reopened = try await tickets.update(id: other.id, TicketUpdate(status: .open), by: "alice")
        #expect(reopened.resolvedAt == nil)
    }

    @Test("SLA breach follows the injected clock; the breach query lists overdue open tickets")
    func slaBreach() async throws {
        let test = try TestStore()
        let tickets = test.store.tickets
        let urgent = try await tickets.create(TicketDraft(subject: "Urgent", priority: .urgent), by: "alice")
        let normal = try await tickets.create(TicketDraft(subject: "Normal"), by: "alice")
        let solved = try await tickets.create(TicketDraft(subject: "Solved fast", priority: .urgent), by: "alice")
        _ = try await tickets.update(id: solved.id, TicketUpdate(status: .resolved), by: "alice")
        #expect(try await tickets.breached(limit: 10).isEmpty)
        test.clock.advance(seconds: 4 * 3600 + 1)
        #expect(try await tickets.get(id: urgent.id).slaBreached)
        #expect(try await !tickets.get(id: normal.id).slaBreached)
        #expect(try await !tickets.get(id: solved.id).slaBreached)
        #expect(try await tickets.breached(limit: 10).map(\.id) == [urgent.id])
        #expect(try await tickets.search(TicketQuery(breachedOnly: true), visibleTo: nil).items.map(\.id) == [urgent.id])
        // Raising the priority pulls the due time in: the normal ticket becomes overdue too.
        let raised = try await tickets.update(id: normal.id, TicketUpdate(priority: .high), by: "sam")
        #expect(raised.dueAt == raised.createdAt.addingTimeInterval(8 * 3600) && !raised.slaBreached)
        test.clock.advance(seconds: 4 * 3600)
        #expect(try await tickets.breached(limit: 10).map(\.id) == [urgent.id, normal.id])
    }

    @Test("comments, links and the full change history are kept")
    func historyAndLinks() async throws {
        let test = try TestStore()
        let tickets = test.store.tickets
        let ticket = try await tickets.create(TicketDraft(subject: "S"), by: "alice")
        _ = try await tickets.update(id: ticket.id, TicketUpdate(status: .open, assignee: .group("billing")), by: "sam")
        let comment = try await tickets.addComment(ticketID: ticket.id, body: "Called back", isInternal: false, by: "alice")
        #expect(comment.author == "alice")
        let call = try await test.store.interactions.record(
            InteractionDraft(direction: .inbound, fromNumber: "0912345678", toNumber: "1900", startedAt: test.clock.now, recordingReference: "rec/1.wav", ticketIDs: [ticket.id])
        )
        try await tickets.addLink(ticketID: ticket.id, kind: .recording, reference: "rec/extra.wav", by: "alice")
        try await tickets.addLink(ticketID: ticket.id, kind: .recording, reference: "rec/extra.wav", by: "alice")
        let links = try await tickets.links(ticketID: ticket.id)
        #expect(Set(links.map { "\($0.kind.rawValue):\($0.reference)" }) == ["interaction:\(call.id)", "recording:rec/1.wav", "recording:rec/extra.wav"])
        #expect(try await tickets.comments(ticketID: ticket.id).map(\.body) == ["Called back"])
        let history = try await tickets.history(ticketID: ticket.id)
        #expect(history.map(\.field) == ["created", "status", "assignee", "comment", "link", "link", "link"])
        #expect(history[1].oldValue == "new" && history[1].newValue == "open" && history[1].actor == "sam")
        #expect(history[2].newValue == "group:billing")
        await #expect(throws: RepositoryError.self) {
            try await tickets.addLink(ticketID: ticket.id, kind: .interaction, reference: "424242", by: "alice")
        }
        await #expect(throws: RepositoryError.notFound(entity: "ticket", id: "77")) {
            try await tickets.addComment(ticketID: 77, body: "x", isInternal: true, by: "alice")
        }
    }

    @Test("search filters by status, priority, assignee, customer and text, with pages")
    func search() async throws {
        let test = try TestStore()
        let tickets = test.store.tickets
        let customer = try await test.store.customers.create(CustomerDraft(name: "C", phoneNumbers: ["0912345678"]))
        for index in 0..<6 {
            test.clock.advance(seconds: 1)
            _ = try await tickets.create(
                TicketDraft(
                    subject: index < 3 ? "Router \(index)" : "Billing \(index)", priority: index.isMultiple(of: 2) ? .high : .normal,
                    category: index < 3 ? "network" : "billing", assignee: index < 3 ? .agent("alice") : .group("billing"),
                    customerID: index == 5 ? customer.id : nil
                ),
                by: "bob"
            )
        }
        let all = try await tickets.search(TicketQuery(page: PageRequest(limit: 4)), visibleTo: nil)
        #expect(all.total == 6 && all.items.count == 4 && all.items.first?.subject == "Billing 5")
        #expect(try await tickets.search(TicketQuery(priorities: [.high]), visibleTo: nil).total == 3)
        #expect(try await tickets.search(TicketQuery(category: "network", assignee: .agent("alice")), visibleTo: nil).total == 3)
        #expect(try await tickets.search(TicketQuery(customerID: customer.id), visibleTo: nil).items.map(\.subject) == ["Billing 5"])
        #expect(try await tickets.search(TicketQuery(text: "router 1"), visibleTo: nil).items.map(\.subject) == ["Router 1"])
        #expect(try await tickets.search(TicketQuery(statuses: [.closed]), visibleTo: nil).total == 0)
        await #expect(throws: RepositoryError.self) {
            try await tickets.search(TicketQuery(page: PageRequest(limit: 501)), visibleTo: nil)
        }
    }

    @Test("sharing rules limit what an agent finds; supervisors see everything")
    func sharing() async throws {
        let test = try TestStore()
        let tickets = test.store.tickets
        _ = try await tickets.create(TicketDraft(subject: "mine", assignee: .agent("alice")), by: "bob")
        _ = try await tickets.create(TicketDraft(subject: "opened by me"), by: "alice")
        _ = try await tickets.create(TicketDraft(subject: "my group", assignee: .group("billing")), by: "bob")
        _ = try await tickets.create(TicketDraft(subject: "other group", assignee: .group("sales")), by: "bob")
        _ = try await tickets.create(TicketDraft(subject: "someone else", assignee: .agent("carol")), by: "bob")
        let alice = Principal(userID: 1, username: "alice", role: .agent, groups: ["billing"])
        let visible = try await tickets.search(TicketQuery(), visibleTo: alice)
        #expect(Set(visible.items.map(\.subject)) == ["mine", "opened by me", "my group"] && visible.total == 3)
        let policy = test.store.configuration.access
        let everything = try await tickets.search(TicketQuery(), visibleTo: nil).items
        #expect(everything.filter { policy.canSee($0, by: alice) }.count == 3)
        let sam = Principal(userID: 2, username: "sam", role: .supervisor, groups: [])
        #expect(try await tickets.search(TicketQuery(), visibleTo: sam).total == 5)
    }

    @Test("SQL-looking ticket text is stored verbatim")
    func sqlLookingText() async throws {
        let test = try TestStore()
        let subject = "'; UPDATE tickets SET status='closed' WHERE '1'='1"
        let ticket = try await test.store.tickets.create(TicketDraft(subject: subject, description: "%' OR 1=1 --"), by: "alice")
        #expect(try await test.store.tickets.get(id: ticket.id).subject == subject)
        #expect(try await test.store.tickets.get(id: ticket.id).status == .new)
        #expect(try await test.store.tickets.search(TicketQuery(text: "OR 1=1"), visibleTo: nil).total == 1)
    }
}
