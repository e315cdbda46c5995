import CTICore
import Foundation
import Storage
import Testing

/// One call that reached two agents (sent back to the queue and answered again, keeping its call
/// id) has one interaction per connection; what an agent does to the call goes to their own.
@Suite("a call's interactions, one per agent connection")
struct InteractionCallConnectionsTests {
    /// A's connection, then B's, then an abandoned row, all of call `c-1`, plus another call.
    static func twoConnections(_ test: TestStore) async throws -> (a: Interaction, b: Interaction) {
        let start = test.clock.now
        func draft(_ agent: String?, recording: String?, offset: Double) -> InteractionDraft {
            InteractionDraft(
                callID: "c-1", direction: .inbound, fromNumber: "0912345678", toNumber: "1900", queue: "support", agent: agent,
                startedAt: start.addingTimeInterval(offset), talkSeconds: 30, recordingReference: recording)
        }
        let a = try await test.store.interactions.record(draft("1001", recording: "rec-a", offset: 0))
        let b = try await test.store.interactions.record(draft("1002", recording: "rec-b", offset: 60))
        _ = try await test.store.interactions.record(
            InteractionDraft(callID: "c-2", direction: .inbound, fromNumber: "0912345678", toNumber: "1900", agent: "1001", startedAt: start))
        return (a, b)
    }

    @Test("find by call gives the newest row; by call and agent, that agent's newest; unknown pairs give nil")
    func findByAgent() async throws {
        let test = try TestStore()
        let (a, b) = try await Self.twoConnections(test)
        #expect(a.id != b.id)
        #expect(try await test.store.interactions.find(callID: "c-1")?.id == b.id)
        #expect(try await test.store.interactions.find(callID: "c-1", agent: "1001")?.id == a.id)
        #expect(try await test.store.interactions.find(callID: "c-1", agent: "1002")?.id == b.id)
        #expect(try await test.store.interactions.find(callID: "c-1", agent: "1003") == nil)
        #expect(try await test.store.interactions.find(callID: "nope", agent: "1001") == nil)

        // The same agent connected again: their newest row.
        let again = try await test.store.interactions.record(
            InteractionDraft(callID: "c-1", direction: .inbound, fromNumber: "0912345678", toNumber: "1900", agent: "1001", startedAt: test.clock.now))
        #expect(try await test.store.interactions.find(callID: "c-1", agent: "1001")?.id == again.id)
        #expect(try await test.store.interactions.find(callID: "c-1")?.id == again.id)
    }

    @Test("each agent's disposition lands on their own row, A's late one too; a third agent is forbidden, an unknown call not found")
    func dispositions() async throws {
        let test = try TestStore()
        let (a, b) = try await Self.twoConnections(test)
        let byB = try await test.store.interactions.setDisposition(callID: "c-1", agent: "1002", disposition: "resolved", note: nil)
        #expect(byB.id == b.id && byB.disposition == "resolved")
        // A disposes late, after B's row was written: A's own row, not refused.
        let byA = try await test.store.interactions.setDisposition(callID: "c-1", agent: "1001", disposition: "transferred", note: "to billing")
        #expect(byA.id == a.id && byA.disposition == "transferred: to billing")
        #expect(try await test.store.interactions.get(id: b.id).disposition == "resolved")

        await #expect(throws: RepositoryError.forbidden("call c-1 was not handled by agent 1003")) {
            try await test.store.interactions.setDisposition(callID: "c-1", agent: "1003", disposition: "x", note: nil)
        }
        await #expect(throws: RepositoryError.notFound(entity: "call", id: "nope")) {
            try await test.store.interactions.setDisposition(callID: "nope", agent: "1001", disposition: "x", note: nil)
        }
        // A call that only has an abandoned row (no agent) is no agent's.
        _ = try await test.store.interactions.record(
            InteractionDraft(callID: "c-3", direction: .inbound, fromNumber: "0912345678", toNumber: "1900", startedAt: test.clock.now, disposition: "abandoned"))
        await #expect(throws: RepositoryError.forbidden("call c-3 was not handled by agent 1001")) {
            try await test.store.interactions.setDisposition(callID: "c-3", agent: "1001", disposition: "x", note: nil)
        }
        #expect(try await test.store.interactions.find(callID: "c-3")?.disposition == "abandoned")
        #expect(try await test.store.interactions.get(id: a.id).disposition == "transferred: to billing")
        #expect(try await test.store.interactions.get(id: b.id).disposition == "resolved")
    }

    @Test("each agent's wrap-up goes to their own row; another agent's does nothing; a bad duration is a validation error")
    func wrapUps() async throws {
        let test = try TestStore()
        let (a, b) = try await Self.twoConnections(test)
        try await test.store.interactions.setWrapUp(callID: "c-1", agent: "1001", seconds: 12)
        try await test.store.interactions.setWrapUp(callID: "c-1", agent: "1002", seconds: 7)
        try await test.store.interactions.setWrapUp(callID: "c-1", agent: "1003", seconds: 99)
        #expect(try await test.store.interactions.get(id: a.id).wrapUpSeconds == 12)
        #expect(try await test.store.interactions.get(id: b.id).wrapUpSeconds == 7)
        await #expect(throws: RepositoryError.self) {
            try await test.store.interactions.setWrapUp(callID: "c-1", agent: "1001", seconds: .nan)
        }
    }

    @Test("a ticket links to the linking agent's own row and recording; a third agent is forbidden; unknown tickets and rows are not found")
    func ticketLinks() async throws {
        let test = try TestStore()
        let (a, b) = try await Self.twoConnections(test)
        let forB = try await test.store.tickets.create(TicketDraft(subject: "B's", description: "", priority: .normal), by: "1002")
        let forA = try await test.store.tickets.create(TicketDraft(subject: "A's", description: "", priority: .normal), by: "1001")
        try await test.store.interactions.linkTicket(callID: "c-1", agent: "1002", ticketID: forB.id, by: "1002")
        try await test.store.interactions.linkTicket(callID: "c-1", agent: "1001", ticketID: forA.id, by: "1001")
        #expect(try await test.store.interactions.get(id: b.id).ticketIDs == [forB.id])
        #expect(try await test.store.interactions.get(id: a.id).ticketIDs == [forA.id])
        let links = try await test.store.tickets.links(ticketID: forB.id)
        #expect(Set(links.map { "\($0.kind.rawValue):\($0.reference)" }) == ["interaction:\(b.id)", "recording:rec-b"])

        await #expect(throws: RepositoryError.forbidden("call c-1 was not handled by agent 1003")) {
            try await test.store.interactions.linkTicket(callID: "c-1", agent: "1003", ticketID: forB.id, by: "1003")
        }
        await #expect(throws: RepositoryError.notFound(entity: "call", id: "nope")) {
            try await test.store.interactions.linkTicket(callID: "nope", agent: "1001", ticketID: forA.id, by: "1001")
        }
        await #expect(throws: RepositoryError.notFound(entity: "ticket", id: "9999")) {
            try await test.store.interactions.linkTicket(callID: "c-1", agent: "1001", ticketID: 9999, by: "1001")
        }
        await #expect(throws: RepositoryError.notFound(entity: "interaction", id: "9999")) {
            try await test.store.interactions.linkTicket(interactionID: 9999, ticketID: forA.id, by: "1001")
        }
        try await test.store.interactions.linkTicket(interactionID: a.id, ticketID: forB.id, by: "supervisor")
        #expect(try await test.store.interactions.get(id: a.id).ticketIDs.sorted() == [forA.id, forB.id].sorted())
    }
}
