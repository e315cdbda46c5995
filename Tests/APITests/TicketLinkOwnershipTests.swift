import CTICore
import Foundation
import NIOHTTP1
import Storage
import Testing

/// A call that reached two agents has one interaction per agent; over REST an agent links a
/// ticket, or sets a disposition, only on their own, while a supervisor may link to either.
@Suite struct TicketLinkOwnershipTests {
    @Test func anAgentLinksTicketsOnlyToTheirOwnInteractionOfACall() async throws {
        try await APITestServer.with { server in
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            func connection(_ agent: String) async throws -> Interaction {
                try await server.store.interactions.record(InteractionDraft(
                    callID: "obs-77", direction: .inbound, fromNumber: "0912345678", toNumber: "1900", queue: "support", agent: agent,
                    startedAt: start, talkSeconds: 30))
            }
            let alices = try await connection("alice")
            let bobs = try await connection("bob")
            let ticket = try await server.createTicket(#"{"subject":"Refund","priority":"high"}"#, as: "alice")

            let foreign = try await server.call(
                .POST, "/api/tickets/\(ticket.id)/links", as: "alice", body: #"{"kind":"interaction","reference":"\#(bobs.id)"}"#)
            #expect(foreign.status == 403 && foreign.errorCode == "forbidden", "\(foreign.body)")
            #expect(try await server.store.interactions.get(id: bobs.id).ticketIDs.isEmpty)
            let own = try await server.call(
                .POST, "/api/tickets/\(ticket.id)/links", as: "alice", body: #"{"kind":"interaction","reference":"\#(alices.id)"}"#)
            #expect(own.status == 201, "\(own.body)")
            let bySupervisor = try await server.call(
                .POST, "/api/tickets/\(ticket.id)/links", as: "sue", body: #"{"kind":"interaction","reference":"\#(bobs.id)"}"#)
            #expect(bySupervisor.status == 201, "\(bySupervisor.body)")
            #expect(try await server.store.interactions.get(id: alices.id).ticketIDs == [ticket.id])
            #expect(try await server.store.interactions.get(id: bobs.id).ticketIDs == [ticket.id])

            // Dispositions by interaction id: each agent their own row only.
            let mine = try await server.call(.PUT, "/api/interactions/\(alices.id)/disposition", as: "alice", body: #"{"disposition":"resolved"}"#)
            #expect(mine.status == 200, "\(mine.body)")
            let theirs = try await server.call(.PUT, "/api/interactions/\(bobs.id)/disposition", as: "alice", body: #"{"disposition":"resolved"}"#)
            #expect(theirs.status == 403, "\(theirs.body)")
            #expect(try await server.store.interactions.get(id: bobs.id).disposition == nil)
            #expect(try await server.store.interactions.get(id: alices.id).disposition == "resolved")
        }
    }
}
