import AMI
import CTIApp
import CTICore
import CTIServer
import Foundation
import Logging
import NIOHTTP1
import Storage
import Telephony
import Testing

/// An agent links to their calls only the tickets the REST API lets them see (their own, those
/// assigned to them or to their groups): any other is refused exactly like a ticket that does not
/// exist, on the socket, over `/api/actions` and over `POST /api/tickets/{id}/links`, and never
/// reaches their call; a supervisor keeps their wider reach. Refusals carry the store's specific
/// codes, and the socket stays open.
@Suite struct TicketLinkVisibilityTests {
    /// The service's observer-mode actions over the server's store. Linking needs no AMI, so the
    /// client is never started.
    static let actions: @Sendable (CTIStore) -> any AgentActionHandler = { store in
        let idle = AMIClient(configuration: AMIClientConfiguration(
            host: "127.0.0.1", port: 9, credentials: AMICredentials(username: "ctibridge", secret: "unused")))
        var logger = Logger(label: "api.test.actions")
        logger.logLevel = .critical
        return ObserverAgentActions(observer: AppQueueObserver(client: idle), records: StoreRecordKeeper(store: store), logger: logger)
    }

    /// A ticket id nobody has.
    static let missing: Int64 = 999_999

    /// Alice's (group billing) and Bob's (group sales) stored calls, and tickets Alice may and may not see.
    struct Desk {
        let alicesCall: Interaction
        let bobsCall: Interaction
        /// Made by Bob, unassigned: Alice may not see it.
        let bobsPrivate: Ticket
        /// Made by Sue, assigned to the billing group.
        let billings: Ticket
        /// Made by Sue, assigned to Alice.
        let assignedToAlice: Ticket
        let alicesOwn: Ticket

        init(_ server: APITestServer) async throws {
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            func connection(_ call: String, _ agent: String) async throws -> Interaction {
                try await server.store.interactions.record(InteractionDraft(
                    callID: call, direction: .inbound, fromNumber: "0912345678", toNumber: "1900", queue: "support", agent: agent,
                    startedAt: start, talkSeconds: 30))
            }
            alicesCall = try await connection("call-a", "alice")
            bobsCall = try await connection("call-b", "bob")
            bobsPrivate = try await server.createTicket(#"{"subject":"Bob's private"}"#, as: "bob")
            billings = try await server.createTicket(#"{"subject":"Billing","assignee":{"kind":"group","name":"billing"}}"#, as: "sue")
            assignedToAlice = try await server.createTicket(#"{"subject":"For Alice","assignee":{"kind":"agent","name":"alice"}}"#, as: "sue")
            alicesOwn = try await server.createTicket(#"{"subject":"Alice's own"}"#, as: "alice")
        }
    }

    @Test func overTheSocketAHiddenTicketIsRefusedLikeAMissingOneAndNeverLinked() async throws {
        try await APITestServer.with(actions: Self.actions) { server in
            let desk = try await Desk(server)
            try await AgentActionSocket.with(server, as: "alice") { socket in
                let hidden = try await socket.act(.linkTicket(callID: "call-a", ticketID: "\(desk.bobsPrivate.id)"))
                let prefixed = try await socket.act(.linkTicket(callID: "call-a", ticketID: "T-\(desk.bobsPrivate.id)"))
                let missing = try await socket.act(.linkTicket(callID: "call-a", ticketID: "\(Self.missing)"))
                #expect(!hidden.ok && hidden.error == CTIProtocolError(.notFound, "ticket \(desk.bobsPrivate.id) not found"), "\(hidden)")
                #expect(!prefixed.ok && prefixed.error == hidden.error, "\(prefixed)")
                #expect(!missing.ok && missing.error == CTIProtocolError(.notFound, "ticket \(Self.missing) not found"), "\(missing)")

                // Other refusals keep their kind: another agent's call, a malformed ticket id, a
                // bad priority, call control that app_queue owns in observer mode.
                let foreignCall = try await socket.act(.linkTicket(callID: "call-b", ticketID: "\(desk.alicesOwn.id)"))
                #expect(foreignCall.error?.code == .forbidden && foreignCall.error?.message.contains("call-b") == true, "\(foreignCall)")
                let malformed = try await socket.act(.linkTicket(callID: "call-a", ticketID: "twelve"))
                #expect(malformed.error?.code == .validationFailed && malformed.error?.message.contains("ticketID") == true, "\(malformed)")
                let badPriority = try await socket.act(.createTicket(callID: nil, subject: "x", description: "", priority: "whenever"))
                #expect(badPriority.error?.code == .validationFailed && badPriority.error?.message.contains("priority") == true, "\(badPriority)")
                let hangUp = try await socket.act(.hangUp(callID: "call-a"))
                #expect(hangUp.error?.code == .actionRejected, "\(hangUp)")

                // Still open: the tickets Alice may see link fine, to her own call.
                for ticket in [desk.billings, desk.assignedToAlice, desk.alicesOwn] {
                    let linked = try await socket.act(.linkTicket(callID: "call-a", ticketID: "\(ticket.id)"))
                    #expect(linked.ok && linked.error == nil, "\(ticket.subject): \(linked)")
                }
                #expect(socket.isOpen)
            }
            let onAlicesCall = try await server.store.interactions.get(id: desk.alicesCall.id).ticketIDs
            #expect(onAlicesCall.sorted() == [desk.billings.id, desk.assignedToAlice.id, desk.alicesOwn.id].sorted())
            #expect(try await server.store.interactions.get(id: desk.bobsCall.id).ticketIDs.isEmpty)
            #expect(try await server.store.tickets.links(ticketID: desk.bobsPrivate.id).isEmpty)
            let seenByAlice = try await server.call(.GET, "/api/interactions/\(desk.alicesCall.id)", as: "alice")
            #expect(seenByAlice.status == 200, "\(seenByAlice.body)")
            #expect(try seenByAlice.decode(Interaction.self).ticketIDs.sorted() == onAlicesCall.sorted())
        }
    }

    @Test func overRESTAHiddenTicketIsAMissingOneAndASupervisorStillLinksIt() async throws {
        try await APITestServer.with(actions: Self.actions) { server in
            let desk = try await Desk(server)
            func act(_ json: String) async throws -> APITestServer.Answer {
                try await server.call(.POST, "/api/actions", as: "alice", body: json)
            }
            let hidden = try await act(#"{"action":"linkTicket","callID":"call-a","ticketID":"\#(desk.bobsPrivate.id)"}"#)
            let missing = try await act(#"{"action":"linkTicket","callID":"call-a","ticketID":"\#(Self.missing)"}"#)
            #expect(hidden.status == 404 && missing.status == 404, "\(hidden.body) \(missing.body)")
            #expect(try hidden.decode(CTIActionReply.self).error == CTIProtocolError(.notFound, "ticket \(desk.bobsPrivate.id) not found"))
            #expect(try missing.decode(CTIActionReply.self).error == CTIProtocolError(.notFound, "ticket \(Self.missing) not found"))
            let foreign = try await act(#"{"action":"linkTicket","callID":"call-b","ticketID":"\#(desk.alicesOwn.id)"}"#)
            #expect(foreign.status == 403 && (try? foreign.decode(CTIActionReply.self))?.error?.code == .forbidden, "\(foreign.body)")
            let bad = try await act(#"{"action":"createTicket","subject":"x","description":"","priority":"whenever"}"#)
            #expect(bad.status == 422 && (try? bad.decode(CTIActionReply.self))?.error?.code == .validationFailed, "\(bad.body)")
            let shared = try await act(#"{"action":"linkTicket","callID":"call-a","ticketID":"\#(desk.billings.id)"}"#)
            #expect(shared.status == 200, "\(shared.body)")

            // The ticket's own links: the same answer for a hidden ticket as for a missing one.
            let toAlicesCall = #"{"kind":"interaction","reference":"\#(desk.alicesCall.id)"}"#
            let hiddenLink = try await server.call(.POST, "/api/tickets/\(desk.bobsPrivate.id)/links", as: "alice", body: toAlicesCall)
            let missingLink = try await server.call(.POST, "/api/tickets/\(Self.missing)/links", as: "alice", body: toAlicesCall)
            #expect(hiddenLink.status == 404 && hiddenLink.errorCode == "not_found", "\(hiddenLink.body)")
            #expect(missingLink.status == 404 && missingLink.errorCode == "not_found", "\(missingLink.body)")
            #expect(try hiddenLink.decode(APIError.Body.self).error.message == "ticket \(desk.bobsPrivate.id) not found")
            #expect(try missingLink.decode(APIError.Body.self).error.message == "ticket \(Self.missing) not found")
            let ownLink = try await server.call(.POST, "/api/tickets/\(desk.alicesOwn.id)/links", as: "alice", body: toAlicesCall)
            #expect(ownLink.status == 201, "\(ownLink.body)")
            #expect(try await server.store.interactions.get(id: desk.alicesCall.id).ticketIDs.sorted() == [desk.billings.id, desk.alicesOwn.id].sorted())
            #expect(try await server.store.tickets.links(ticketID: desk.bobsPrivate.id).isEmpty)

            // A supervisor sees every ticket, and may link Bob's to Alice's call; actions stay an agent's.
            let bySupervisor = try await server.call(.POST, "/api/tickets/\(desk.bobsPrivate.id)/links", as: "sue", body: toAlicesCall)
            #expect(bySupervisor.status == 201, "\(bySupervisor.body)")
            #expect(try await server.store.interactions.get(id: desk.alicesCall.id).ticketIDs.contains(desk.bobsPrivate.id))
            let supervisorAct = try await server.call(
                .POST, "/api/actions", as: "sue", body: #"{"action":"linkTicket","callID":"call-a","ticketID":"\#(desk.bobsPrivate.id)"}"#)
            #expect(supervisorAct.status == 403, "\(supervisorAct.body)")
        }
    }
}
