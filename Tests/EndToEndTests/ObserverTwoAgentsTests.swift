import AsteriskSimulator
import CTICore
import Foundation
import NIOHTTP1
import Storage
import TestSupport
import Testing

@testable import CTIApp

/// A caller app_queue connects to 1001, who sends them back to the queue, and then to 1002: the
/// same Uniqueid (call id) twice, stored as two interactions, each agent's notes on their own.
extension ObserverModeTests {
    @Test("one caller connected to two agents (sent back to the queue): two interactions; B's ticket and disposition during the call land on B's, A's late disposition on A's; neither sets the other's")
    func callReachingTwoAgents() async throws {
        try await ObserverSite.run { site in
            let client = site.client
            let store = site.store
            let known = try #require(try await store.customers.lookup(phoneNumber: "0912345678").first)
            let a = try await client.login("1001")
            let b = try await client.login("1002")
            #expect(try await client.act(#"{"action":"pause","reason":"admin"}"#, token: b).status == 200)
            #expect(await poll(timeout: .seconds(30)) { site.member("1002")?.paused == true })
            let made = Kept<[Int64]>()
            try await client.agentSocket(token: a) { socketA in
                #expect(try await socketA.welcome().agentID == "1001")
                try await client.agentSocket(token: b) { socketB in
                    #expect(try await socketB.welcome().agentID == "1002")
                    site.call("obs-2a", from: "\"Tran Thi B\" <0912345678>")
                    _ = try await socketA.pop("connected", call: "obs-2a")
                    let byA = try await socketA.act(.createTicket(callID: "obs-2a", subject: "A during", description: "", priority: "normal"))
                    #expect(byA.ok, "\(String(describing: byA.error))")
                    let duringA = try #require(byA.result["ticketID"].flatMap { Int64($0) })

                    // A goes on a break and sends the caller back to the queue; B takes them.
                    #expect(try await socketA.act(.pause(reason: "lunch")).ok)
                    #expect(try await socketB.act(.ready).ok)
                    #expect(await poll(timeout: .seconds(30)) { site.member("1001")?.paused == true && site.member("1002")?.paused == false })
                    #expect(site.transferToQueue("obs-2a"))
                    _ = try await socketA.pop("callEnded", call: "obs-2a")
                    guard case .connected(let second) = try await socketB.pop("connected", call: "obs-2a") else { return }
                    #expect(second.customer?.id == String(known.id))
                    // A's connection is stored with A's ticket; the recorder follows B's connection.
                    #expect(try await poll(timeout: .seconds(30)) {
                        try await store.interactions.find(callID: "obs-2a", agent: "1001")?.ticketIDs == [duringA]
                    })
                    #expect(await poll(timeout: .seconds(30)) { await site.centre.recorder.liveCall("obs-2a")?.agent == "1002" })

                    // B's ticket over REST during B's connection: the caller's customer, not linked to A's row.
                    let rest = try await client.act(
                        #"{"action":"createTicket","callID":"obs-2a","subject":"B during","description":"","priority":"high"}"#, token: b)
                    #expect(rest.status == 200, "\(String(decoding: rest.body, as: UTF8.self))")
                    let duringB = try #require((rest.object?["result"] as? [String: String])?["ticketID"].flatMap { Int64($0) })
                    #expect(try await store.tickets.get(id: duringB).customerID == known.id)
                    #expect(try await store.interactions.find(callID: "obs-2a", agent: "1001")?.ticketIDs == [duringA])
                    // B's disposition during B's connection waits for B's row, not A's.
                    let early = try await socketB.act(.setDisposition(callID: "obs-2a", disposition: "on hold", note: nil))
                    #expect(early.ok, "\(String(describing: early.error))")
                    // A's late disposition goes to A's row while B talks.
                    let late = try await socketA.act(.setDisposition(callID: "obs-2a", disposition: "sent to billing", note: nil))
                    #expect(late.ok, "\(String(describing: late.error))")

                    #expect(site.hangUp("obs-2a"))
                    _ = try await socketB.pop("callEnded", call: "obs-2a")
                    made.set([duringA, duringB])
                }
            }
            let tickets = try #require(made.value)
            let (duringA, duringB) = (tickets[0], tickets[1])
            #expect(try await poll(timeout: .seconds(30)) {
                let row = try await store.interactions.find(callID: "obs-2a", agent: "1002")
                return row?.ticketIDs == [duringB] && row?.disposition == "on hold"
            })
            let rowA = try #require(try await store.interactions.find(callID: "obs-2a", agent: "1001"))
            let rowB = try #require(try await store.interactions.find(callID: "obs-2a", agent: "1002"))
            #expect(rowA.id != rowB.id && rowA.callID == "obs-2a" && rowB.callID == "obs-2a")
            #expect(rowA.ticketIDs == [duringA] && rowA.disposition == "sent to billing")
            #expect(rowB.disposition == "on hold" && rowA.customerID == known.id && rowB.customerID == known.id)

            // B's disposition (REST action) lands on B's row; A's stays.
            let byB = try await client.act(#"{"action":"setDisposition","callID":"obs-2a","disposition":"resolved"}"#, token: b)
            #expect(byB.status == 200, "\(String(decoding: byB.body, as: UTF8.self))")
            #expect(try await store.interactions.get(id: rowB.id).disposition == "resolved")
            #expect(try await store.interactions.get(id: rowA.id).disposition == "sent to billing")
            // A cannot set B's (by interaction id over REST); B cannot set A's.
            let foreign = try await client.request(
                .PUT, "/api/interactions/\(rowB.id)/disposition", token: a, body: #"{"disposition":"mine now"}"#)
            #expect(foreign.status == 403, "\(String(decoding: foreign.body, as: UTF8.self))")
            let back = try await client.request(
                .PUT, "/api/interactions/\(rowA.id)/disposition", token: b, body: #"{"disposition":"mine now"}"#)
            #expect(back.status == 403, "\(String(decoding: back.body, as: UTF8.self))")
            #expect(try await store.interactions.get(id: rowB.id).disposition == "resolved")
            #expect(try await store.interactions.get(id: rowA.id).disposition == "sent to billing")
        }
    }
}
