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

    /// A ticket made during the call gets the caller's customer (found by the caller's number, as
    /// the screen-pop does), keeps it when the call is written, and shows on that customer's
    /// timeline and open tickets.
    @Test func aTicketMadeDuringTheCallHasTheCallersCustomer() async throws {
        try await withTemporaryStore("ticket-customer") { (store: CTIStore) async throws in
            let customer = try await store.customers.create(CustomerDraft(name: "Le Van C", phoneNumbers: ["0903111222"]))
            let links = PendingTicketLinks()
            let recorder = InteractionRecorder(store: store, pendingLinks: links)
            let keeper = StoreRecordKeeper(store: store, pendingLinks: links, liveCalls: recorder)
            await recorder.handle(.queued(Self.call, position: 1))
            await recorder.handle(.offered(agent: "1003", call: Self.call, wait: 2))
            await recorder.handle(.connected("call-1", agent: "1003", bridgeID: "b-1", recording: nil))

            let made = try #require(Int64(try await keeper.createTicket(agentID: "1003", callID: "call-1", subject: "Reprint", description: "", priority: "high")))
            #expect(try await store.tickets.get(id: made).customerID == customer.id)
            #expect(try await store.interactions.find(callID: "call-1") == nil, "not written before the call ends")
            // Another agent's ticket naming this call does not get the caller's customer.
            let foreign = try #require(Int64(try await keeper.createTicket(agentID: "1004", callID: "call-1", subject: "Nosy", description: "", priority: "low")))
            #expect(try await store.tickets.get(id: foreign).customerID == nil)

            await recorder.handle(.ended("call-1", agent: "1003", by: .caller, talkSeconds: 30))
            let interaction = try #require(try await store.interactions.find(callID: "call-1"))
            #expect(interaction.customerID == customer.id)
            #expect(interaction.ticketIDs.contains(made))
            let timeline = try await store.interactions.timeline(customerID: customer.id, page: PageRequest())
            #expect(timeline.items.map(\.callID) == ["call-1"])
            let open = try await store.tickets.search(TicketQuery(statuses: [.new, .open, .pending], customerID: customer.id), visibleTo: nil)
            #expect(open.items.map(\.id) == [made])
            let context = try #require(try await store.callerContext.context(customerID: nil, phoneNumber: "+84903111222"))
            #expect(context.openTickets.map(\.id) == [made])
        }
    }

    /// The customer the IVR identified wins over the caller's number, as on the screen-pop.
    @Test func theIVRsCustomerWinsOverTheNumber() async throws {
        try await withTemporaryStore("ticket-ivr-customer") { (store: CTIStore) async throws in
            _ = try await store.customers.create(CustomerDraft(name: "Le Van C", phoneNumbers: ["0903111222"]))
            let account = try await store.customers.create(CustomerDraft(name: "Hanoi Print", phoneNumbers: ["0243999888"]))
            var call = Self.call
            call.customerID = String(account.id)
            let recorder = InteractionRecorder(store: store)
            let keeper = StoreRecordKeeper(store: store, liveCalls: recorder)
            await recorder.handle(.offered(agent: "1003", call: call, wait: 1))
            let made = try #require(Int64(try await keeper.createTicket(agentID: "1003", callID: "call-1", subject: "Quote", description: "", priority: "normal")))
            #expect(try await store.tickets.get(id: made).customerID == account.id)
        }
    }

    /// An unknown caller's ticket has no customer (not an error); a bad priority is a typed
    /// validation error, and no ticket is made.
    @Test func anUnknownCallerGivesATicketWithoutCustomer() async throws {
        try await withTemporaryStore("ticket-unknown") { (store: CTIStore) async throws in
            _ = try await store.customers.create(CustomerDraft(name: "Le Van C", phoneNumbers: ["0903111222"]))
            let recorder = InteractionRecorder(store: store)
            let keeper = StoreRecordKeeper(store: store, liveCalls: recorder)
            let stranger = ACDCallInfo(id: "call-2", channelID: "call-2", queue: "support", callerNumber: "+84911000999", dnis: "7000")
            let hidden = ACDCallInfo(id: "call-3", channelID: "call-3", queue: "support", dnis: "7000")
            await recorder.handle(.offered(agent: "1003", call: stranger, wait: 1))
            await recorder.handle(.offered(agent: "1003", call: hidden, wait: 1))
            for callID in ["call-2", "call-3", "never-seen"] {
                let made = try #require(Int64(try await keeper.createTicket(agentID: "1003", callID: callID, subject: "Who", description: "", priority: "low")))
                #expect(try await store.tickets.get(id: made).customerID == nil, "\(callID)")
            }
            let total = try await store.tickets.search(TicketQuery(), visibleTo: nil).total
            do {
                _ = try await keeper.createTicket(agentID: "1003", callID: "call-2", subject: "Bad", description: "", priority: "whenever")
                Issue.record("a bad priority made a ticket")
            } catch RepositoryError.validation(let error) {
                #expect(error.issues.map(\.field) == ["priority"])
            }
            #expect(try await store.tickets.search(TicketQuery(), visibleTo: nil).total == total)
        }
    }
}
