import CTICore
import Foundation
import NIOHTTP1
import Storage
import TestSupport
import Testing

/// Tickets an agent opens during an app_queue call (observer mode) get the caller's customer,
/// as the screen-pop showed it, before the call's interaction is written.
extension ObserverModeTests {
    @Test("a ticket made during an app_queue call, over REST or the socket, has the caller's customer and is linked once the call is stored; an unknown caller's has none")
    func ticketDuringAppQueueCallHasTheCustomer() async throws {
        var options = ObserverSite.Options()
        options.queues = [ObserverSite.SimQueueSpec("support", members: ["1001"])]
        try await ObserverSite.run(options) { site in
            let client = site.client
            let agent = try await client.login("1001")
            let known = try #require(try await site.store.customers.lookup(phoneNumber: "0912345678").first)
            let tickets = Kept<[String]>()
            try await client.agentSocket(token: agent) { socket in
                #expect(try await socket.welcome().agentID == "1001")
                site.call("obs-t1", from: "\"Tran Thi B\" <0912345678>")
                guard case .offer(let offer) = try await socket.pop("offer", call: "obs-t1") else { return }
                #expect(offer.customer?.id == String(known.id))
                _ = try await socket.pop("connected", call: "obs-t1")

                // Over REST, then over the socket, while app_queue still has the call.
                let rest = try await client.act(
                    #"{"action":"createTicket","callID":"obs-t1","subject":"Invoice copy","description":"asked on the call","priority":"high"}"#,
                    token: agent)
                #expect(rest.status == 200, "\(String(decoding: rest.body, as: UTF8.self))")
                let byREST = try #require((rest.object?["result"] as? [String: String])?["ticketID"])
                let bySocket = try await socket.act(.createTicket(callID: "obs-t1", subject: "Call back", description: "", priority: "normal"))
                #expect(bySocket.ok, "\(String(describing: bySocket.error))")
                let viaSocket = try #require(bySocket.result["ticketID"])
                #expect(try await site.store.interactions.find(callID: "obs-t1") == nil, "the interaction is written when the call ends")

                // A bad priority is refused with the field named, and makes no ticket.
                let bad = try await client.act(
                    #"{"action":"createTicket","callID":"obs-t1","subject":"x","description":"","priority":"whenever"}"#, token: agent)
                #expect(bad.status == 422)
                let error = bad.object?["error"] as? [String: Any]
                #expect(error?["code"] as? String == "validationFailed", "\(String(decoding: bad.body, as: UTF8.self))")
                #expect((error?["message"] as? String)?.contains("priority") == true)

                #expect(site.hangUp("obs-t1"))
                _ = try await socket.pop("callEnded", call: "obs-t1")

                // An unknown caller: the ticket has no customer, and that is not an error.
                site.call("obs-t2", from: "\"Nobody\" <0988000999>")
                guard case .connected(let stranger) = try await socket.pop("connected", call: "obs-t2") else { return }
                #expect(stranger.customer == nil)
                let unknown = try await socket.act(.createTicket(callID: "obs-t2", subject: "Who is this", description: "", priority: "low"))
                #expect(unknown.ok, "\(String(describing: unknown.error))")
                tickets.set([byREST, viaSocket, try #require(unknown.result["ticketID"])])
                #expect(site.hangUp("obs-t2"))
                _ = try await socket.pop("callEnded", call: "obs-t2")
            }
            let ids = try #require(tickets.value)
            let (byREST, viaSocket, unknownTicket) = (ids[0], ids[1], ids[2])

            for id in [byREST, viaSocket] {
                let ticket = try await client.request(.GET, "/api/tickets/\(id)", token: agent)
                #expect(ticket.status == 200)
                #expect(ticket.object?["customerID"] as? Int == Int(known.id), "ticket \(id): \(String(decoding: ticket.body, as: UTF8.self))")
            }
            let stranger = try await client.request(.GET, "/api/tickets/\(unknownTicket)", token: agent)
            #expect(stranger.status == 200)
            #expect(stranger.object?["customerID"] == nil || stranger.object?["customerID"] is NSNull)

            // Linked to the interaction once app_queue's call ended and it was written.
            let expected = [byREST, viaSocket].compactMap { Int64($0) }.sorted()
            #expect(try await poll(timeout: .seconds(30)) {
                try await site.store.interactions.find(callID: "obs-t1")?.ticketIDs.sorted() == expected
            })
            // On the customer's timeline and among their open tickets.
            let supervisor = try await client.login("supervisor")
            let history = try await client.request(.GET, "/api/customers/\(known.id)/interactions", token: supervisor)
            #expect(history.status == 200)
            let items = history.object?["items"] as? [[String: Any]] ?? []
            #expect(items.contains { $0["callID"] as? String == "obs-t1" }, "\(items)")
            let open = try await client.request(.GET, "/api/tickets?customerID=\(known.id)&status=new,open,pending", token: supervisor)
            #expect(open.status == 200)
            let openIDs = Set((open.object?["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }.map(String.init))
            #expect(openIDs.isSuperset(of: [byREST, viaSocket]), "\(openIDs)")
            #expect(!openIDs.contains(unknownTicket))
        }
    }
}
