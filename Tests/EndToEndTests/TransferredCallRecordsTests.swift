import CTICore
import CTIDemo
import Foundation
import NIOHTTP1
import Storage
import Telephony
import TestSupport
import Testing

/// Controller mode: a blind transfer to a queue goes on under a new call id (`<channel>~t1`), so
/// each agent's connection is its own interaction by construction; each agent's notes still go to
/// their own, and neither touches the other's.
extension QueueOutcomeTests {
    @Test("a caller transferred to a queue and answered by another agent: B's ticket links to B's interaction, A's late disposition to A's; neither sets the other's")
    func transferredCallKeepsEachAgentsRecords() async throws {
        try await Deployment.with(acd: Self.overflowSite) { deployment in
            let run = try deployment.centre
            let callers = try #require(deployment.callers)
            let client = ServiceClient(base: run.http)
            let a = try await client.login("1001")
            let b = try await client.login("1004")
            let customer = try #require(try await run.store.customers.lookup(phoneNumber: "+84903111222").first)
            let ids = Kept<[String]>()
            try await client.agentSocket(token: a) { socketA in
                _ = try await socketA.welcome()
                try await client.agentSocket(token: b) { socketB in
                    _ = try await socketB.welcome()
                    let channel = try callers.call(from: "+84903111222", name: "Le Van C", menu: "1")
                    _ = try await socketA.pop("connected", call: channel)
                    let byA = try await socketA.act(.createTicket(callID: channel, subject: "A during", description: "", priority: "normal"))
                    #expect(byA.ok, "\(String(describing: byA.error))")
                    // Over REST, so that no frame A's socket gets meanwhile is skipped waiting for a reply.
                    let moved = try await client.act(#"{"action":"blindTransfer","callID":"\#(channel)","destination":"queue:support"}"#, token: a)
                    #expect(moved.status == 200, "\(String(decoding: moved.body, as: UTF8.self))")
                    _ = try await socketA.pop("callEnded", call: channel)

                    let second = "\(channel)~t1"
                    guard case .connected(let connected) = try await socketB.pop("connected", call: second) else { return }
                    #expect(connected.customer?.id == String(customer.id))
                    let byB = try await socketB.act(.createTicket(callID: second, subject: "B during", description: "", priority: "high"))
                    #expect(byB.ok, "\(String(describing: byB.error))")
                    // B naming A's connection: no customer, not linked to A's interaction.
                    let nosy = try await socketB.act(.createTicket(callID: channel, subject: "B on A's", description: "", priority: "low"))
                    #expect(nosy.ok, "\(String(describing: nosy.error))")
                    // A's late disposition, while B talks; B may not set A's, nor A B's.
                    let late = try await socketA.act(.setDisposition(callID: channel, disposition: "sent to support", note: nil))
                    #expect(late.ok, "\(String(describing: late.error))")
                    #expect(!(try await socketB.act(.setDisposition(callID: channel, disposition: "mine", note: nil))).ok)
                    // B's own disposition during the call waits for B's interaction.
                    let early = try await socketB.act(.setDisposition(callID: second, disposition: "on hold", note: nil))
                    #expect(early.ok, "\(String(describing: early.error))")

                    try callers.hangUp(channel)
                    _ = try await socketB.pop("callEnded", call: second)
                    #expect(!(try await socketA.act(.setDisposition(callID: second, disposition: "mine", note: nil))).ok)
                    ids.set([channel, try #require(byA.result["ticketID"]), try #require(byB.result["ticketID"]), try #require(nosy.result["ticketID"])])
                }
            }
            let kept = try #require(ids.value)
            let (channel, duringA, duringB, nosy) = (kept[0], try #require(Int64(kept[1])), try #require(Int64(kept[2])), try #require(Int64(kept[3])))
            let rowA = try #require(try await run.interaction(channel))
            let rowB = try #require(try await run.interaction("\(channel)~t1"))
            #expect(rowA.agent == "1001" && rowB.agent == "1004")
            #expect(rowA.ticketIDs == [duringA] && rowA.disposition == "sent to support")
            #expect(try await poll(timeout: .seconds(30)) {
                let row = try await run.store.interactions.get(id: rowB.id)
                return row.ticketIDs == [duringB] && row.disposition == "on hold"
            })
            #expect(try await run.store.tickets.get(id: duringB).customerID == customer.id)
            #expect(try await run.store.tickets.get(id: nosy).customerID == nil)
            #expect(try await run.store.interactions.get(id: rowA.id).ticketIDs == [duringA])

            let byB = try await client.act(#"{"action":"setDisposition","callID":"\#(channel)~t1","disposition":"resolved"}"#, token: b)
            #expect(byB.status == 200, "\(String(decoding: byB.body, as: UTF8.self))")
            #expect(try await run.store.interactions.get(id: rowB.id).disposition == "resolved")
            #expect(try await run.store.interactions.get(id: rowA.id).disposition == "sent to support")
        }
    }
}
