import CTIApp
import CTICore
import Foundation
import Storage
import Telephony
import Testing

/// A ticket the agent makes during a live call (the desktop sends the call's id) is linked to the
/// call's interaction, which is only written when the call ends.
@Suite struct TicketDuringCallTests {
    static let call = ACDCallInfo(id: "call-1", channelID: "call-1", queue: "support", callerNumber: "+84903111222", dnis: "7000")

    @Test func aTicketMadeDuringTheCallIsLinkedWhenTheCallIsWritten() async throws {
        try await withTemporaryStore("ticket-call") { (store: CTIStore) async throws in
            let links = PendingTicketLinks()
            let recorder = InteractionRecorder(store: store, pendingLinks: links)
            let keeper = StoreRecordKeeper(store: store, pendingLinks: links)
            await recorder.handle(.queued(Self.call, position: 1))
            await recorder.handle(.offered(agent: "1003", call: Self.call, wait: 2))
            await recorder.handle(.connected("call-1", agent: "1003", bridgeID: "b-1", recording: "acd-call-1"))

            let during = try await keeper.createTicket(agentID: "1003", callID: "call-1", subject: "Reprint", description: "Late", priority: "high")
            #expect(try await store.interactions.find(callID: "call-1") == nil, "not written before the call ends")

            await recorder.handle(.ended("call-1", agent: "1003", by: .caller, talkSeconds: 30))
            let interaction = try #require(try await store.interactions.find(callID: "call-1"))
            #expect(interaction.ticketIDs.map(String.init) == [during])
            let linked = try await store.tickets.links(ticketID: try #require(Int64(during)))
            #expect(linked.contains { $0.kind == .interaction && $0.reference == "\(interaction.id)" })
            #expect(linked.contains { $0.kind == .recording && $0.reference == "acd-call-1" })

            // After the call (wrap-up), a ticket is linked at once.
            let after = try await keeper.createTicket(agentID: "1003", callID: "call-1", subject: "Follow-up", description: "", priority: "low")
            #expect(try await store.interactions.find(callID: "call-1")?.ticketIDs.map(String.init).sorted() == [during, after].sorted())
        }
    }
}
