import CTIApp
import CTICore
import Foundation
import Storage
import Synchronization
import Telephony
import Testing

/// A caller connected to agent A, sent back to the queue and connected to agent B under the same
/// call id (app_queue's Uniqueid in observer mode): one interaction per connection, and each
/// agent's tickets, dispositions and wrap-up go to their own, also when given during the
/// connection, before its interaction is written.
@Suite struct CallReachingTwoAgentsTests {
    static let call = ACDCallInfo(id: "call-9", channelID: "call-9", queue: "support", callerNumber: "+84903111222", dnis: "7000")

    /// The recorder, the keeper sharing its waiting links, and the caller's customer.
    struct Desk {
        let store: CTIStore
        let recorder: InteractionRecorder
        let keeper: StoreRecordKeeper
        let customer: Customer

        init(_ store: CTIStore, wallClock: @escaping @Sendable () -> Date = { Date() }) async throws {
            self.store = store
            let links = PendingTicketLinks()
            recorder = InteractionRecorder(store: store, wallClock: wallClock, pendingLinks: links)
            keeper = StoreRecordKeeper(store: store, pendingLinks: links, liveCalls: recorder)
            customer = try await store.customers.create(CustomerDraft(name: "Le Van C", phoneNumbers: ["0903111222"]))
        }

        /// The call is queued (again), offered and connected to `agent`.
        func connect(_ agent: AgentID, call: ACDCallInfo = CallReachingTwoAgentsTests.call) async {
            await recorder.handle(.queued(call, position: 1))
            await recorder.handle(.offered(agent: agent, call: call, wait: 3))
            await recorder.handle(.connected(call.id, agent: agent, bridgeID: nil, recording: "rec-\(agent)"))
        }

        func ticket(by agent: String, call: String = "call-9", _ subject: String) async throws -> Int64 {
            try #require(Int64(try await keeper.createTicket(agentID: agent, callID: call, subject: subject, description: "", priority: "normal")))
        }
    }

    @Test func eachConnectionIsItsOwnRowWithItsAgentsTicketsAndDisposition() async throws {
        try await withTemporaryStore("two-agents") { (store: CTIStore) async throws in
            let desk = try await Desk(store)
            await desk.connect("1001")
            let duringA = try await desk.ticket(by: "1001", "A during")
            // A sends the caller back to the queue: A's connection is written, with A's ticket.
            await desk.recorder.handle(.ended("call-9", agent: "1001", by: .caller, talkSeconds: 20))
            let a = try #require(try await store.interactions.find(callID: "call-9", agent: "1001"))
            #expect(a.ticketIDs == [duringA] && a.recordingReference == "rec-1001")

            await desk.connect("1002")
            let duringB = try await desk.ticket(by: "1002", "B during")
            #expect(try await store.tickets.get(id: duringB).customerID == desk.customer.id, "the caller's customer")
            #expect(try await store.interactions.get(id: a.id).ticketIDs == [duringA], "B's ticket is not linked to A's row")
            // A's late ticket and disposition go to A's row while B talks.
            let lateA = try await desk.ticket(by: "1001", "A late")
            #expect(try await store.tickets.get(id: lateA).customerID == desk.customer.id)
            try await desk.keeper.setDisposition(callID: "call-9", agentID: "1001", disposition: "transferred", note: nil)
            // B's disposition during B's connection waits for B's row, not A's; a bad one is refused at once.
            try await desk.keeper.setDisposition(callID: "call-9", agentID: "1002", disposition: "on hold", note: "checking")
            await #expect(throws: RepositoryError.self) {
                try await desk.keeper.setDisposition(callID: "call-9", agentID: "1002", disposition: "  ", note: nil)
            }
            #expect(try await store.interactions.get(id: a.id).disposition == "transferred")

            await desk.recorder.handle(.ended("call-9", agent: "1002", by: .caller, talkSeconds: 40))
            let b = try #require(try await store.interactions.find(callID: "call-9", agent: "1002"))
            #expect(b.id != a.id && b.ticketIDs == [duringB] && b.recordingReference == "rec-1002" && b.talkSeconds == 40)
            #expect(b.disposition == "on hold: checking")
            #expect(try await store.interactions.find(callID: "call-9")?.id == b.id)
            try await desk.keeper.setDisposition(callID: "call-9", agentID: "1002", disposition: "resolved", note: "paid")
            // A's late disposition, after B's row exists, still lands on A's.
            try await desk.keeper.setDisposition(callID: "call-9", agentID: "1001", disposition: "sent to billing", note: nil)

            let rowA = try await store.interactions.get(id: a.id)
            let rowB = try await store.interactions.get(id: b.id)
            #expect(rowA.disposition == "sent to billing" && rowA.ticketIDs.sorted() == [duringA, lateA].sorted())
            #expect(rowB.disposition == "resolved: paid" && rowB.ticketIDs == [duringB])
            #expect(rowA.customerID == desk.customer.id && rowB.customerID == desk.customer.id)

            // A third agent touches neither row, and gets no customer.
            await #expect(throws: RepositoryError.forbidden("call call-9 was not handled by agent 1003")) {
                try await desk.keeper.setDisposition(callID: "call-9", agentID: "1003", disposition: "x", note: nil)
            }
            // B's ticket is not 1003's to see; 1003's own is not for a call 1003 never had.
            await #expect(throws: RepositoryError.notFound(entity: "ticket", id: "\(duringB)")) {
                try await desk.keeper.linkTicket(agentID: "1003", callID: "call-9", ticketID: String(duringB))
            }
            let nosy = try await desk.ticket(by: "1003", "Nosy")
            #expect(try await store.tickets.get(id: nosy).customerID == nil)
            await #expect(throws: RepositoryError.forbidden("call call-9 was not handled by agent 1003")) {
                try await desk.keeper.linkTicket(agentID: "1003", callID: "call-9", ticketID: String(nosy))
            }
            #expect(try await store.interactions.get(id: a.id).ticketIDs.sorted() == [duringA, lateA].sorted())
            #expect(try await store.interactions.get(id: b.id).ticketIDs == [duringB])

            // Linking an existing ticket goes to the linking agent's own row, if they may see it:
            // A's ticket is hidden from B (refused as an unknown ticket is) until assigned to B.
            await #expect(throws: RepositoryError.notFound(entity: "ticket", id: "\(lateA)")) {
                try await desk.keeper.linkTicket(agentID: "1002", callID: "call-9", ticketID: "T-\(lateA)")
            }
            #expect(try await store.interactions.get(id: b.id).ticketIDs == [duringB])
            _ = try await store.tickets.update(id: lateA, TicketUpdate(assignee: .agent("1002")), by: "supervisor")
            try await desk.keeper.linkTicket(agentID: "1002", callID: "call-9", ticketID: "T-\(lateA)")
            #expect(try await store.interactions.get(id: b.id).ticketIDs.sorted() == [duringB, lateA].sorted())
            await #expect(throws: RepositoryError.notFound(entity: "ticket", id: "9999")) {
                try await desk.keeper.linkTicket(agentID: "1002", callID: "call-9", ticketID: "9999")
            }
        }
    }

    /// The recorder may not have seen B's offer yet when B's desktop (which got the screen-pop)
    /// makes the ticket: it waits for B's row all the same, not A's.
    @Test func aTicketBeforeTheRecorderSeesBsConnectionWaitsForBsRow() async throws {
        try await withTemporaryStore("two-agents-lag") { (store: CTIStore) async throws in
            let desk = try await Desk(store)
            await desk.connect("1001")
            await desk.recorder.handle(.ended("call-9", agent: "1001", by: .caller, talkSeconds: 20))
            let early = try await desk.ticket(by: "1002", "B early")
            #expect(try await store.interactions.find(callID: "call-9", agent: "1001")?.ticketIDs == [])
            await desk.connect("1002")
            await desk.recorder.handle(.ended("call-9", agent: "1002", by: .caller, talkSeconds: 40))
            #expect(try await store.interactions.find(callID: "call-9", agent: "1002")?.ticketIDs == [early])
            #expect(try await store.interactions.find(callID: "call-9", agent: "1001")?.ticketIDs == [])
        }
    }

    /// The same agent connected twice: a ticket made during the second connection waits for the
    /// second row, though the agent already has one for the call.
    @Test func theSameAgentTwiceGetsTheTicketOnTheSecondRow() async throws {
        try await withTemporaryStore("same-agent-twice") { (store: CTIStore) async throws in
            let desk = try await Desk(store)
            await desk.connect("1001")
            await desk.recorder.handle(.ended("call-9", agent: "1001", by: .caller, talkSeconds: 20))
            let first = try #require(try await store.interactions.find(callID: "call-9", agent: "1001"))
            await desk.connect("1001")
            let during = try await desk.ticket(by: "1001", "second time")
            #expect(try await store.interactions.get(id: first.id).ticketIDs == [])
            await desk.recorder.handle(.ended("call-9", agent: "1001", by: .caller, talkSeconds: 30))
            let second = try #require(try await store.interactions.find(callID: "call-9", agent: "1001"))
            #expect(second.id != first.id && second.ticketIDs == [during])
        }
    }

    /// B's ticket and disposition given while B's connection is being written land on B's row
    /// whichever gets there first, the recorder or the keeper.
    @Test func aTicketRacingTheWriteOfBsRowLandsOnBsRow() async throws {
        try await withTemporaryStore("two-agents-race") { (store: CTIStore) async throws in
            let desk = try await Desk(store)
            for round in 0..<20 {
                let call = ACDCallInfo(id: CallID("race-\(round)"), channelID: "race-\(round)", queue: "support", callerNumber: "+84903111222")
                await desk.connect("1001", call: call)
                await desk.recorder.handle(.ended(call.id, agent: "1001", by: .caller, talkSeconds: 5))
                await desk.connect("1002", call: call)
                let made = try await withThrowingTaskGroup(of: Int64?.self) { group in
                    group.addTask {
                        await desk.recorder.handle(.ended(call.id, agent: "1002", by: .caller, talkSeconds: 5))
                        return nil
                    }
                    group.addTask { try await desk.ticket(by: "1002", call: call.id.rawValue, "race") }
                    group.addTask {
                        try await desk.keeper.setDisposition(callID: call.id.rawValue, agentID: "1002", disposition: "raced", note: nil)
                        return nil
                    }
                    return try await group.reduce(nil) { $0 ?? $1 }
                }
                let ticket = try #require(made)
                let rowB = try await store.interactions.find(callID: call.id.rawValue, agent: "1002")
                #expect(rowB?.ticketIDs == [ticket] && rowB?.disposition == "raced", "round \(round)")
                #expect(try await store.interactions.find(callID: call.id.rawValue, agent: "1001")?.ticketIDs == [], "round \(round)")
            }
        }
    }

    /// A's wrap-up ends after B's connection was written: it is A's row that gets it.
    @Test func aWrapUpEndingAfterBsRowGoesToAsRow() async throws {
        try await withTemporaryStore("two-agents-wrap") { (store: CTIStore) async throws in
            let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
            let desk = try await Desk(store, wallClock: { now.withLock { $0 } })
            await desk.connect("1001")
            await desk.recorder.handle(.ended("call-9", agent: "1001", by: .agent, talkSeconds: 20))
            await desk.recorder.handle(.wrapUp(agent: "1001", queue: "support", until: ACDInstant(seconds: 90)))
            await desk.connect("1002")
            await desk.recorder.handle(.ended("call-9", agent: "1002", by: .caller, talkSeconds: 40))
            now.withLock { $0 += 15 }
            await desk.recorder.handle(.agentState("1001", .ready))
            #expect(try await store.interactions.find(callID: "call-9", agent: "1001")?.wrapUpSeconds == 15)
            #expect(try await store.interactions.find(callID: "call-9", agent: "1002")?.wrapUpSeconds == 0)
        }
    }
}
