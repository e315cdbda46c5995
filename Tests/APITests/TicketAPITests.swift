import CTICore
import CTIServer
import Foundation
import NIOHTTP1
import Storage
import Testing

@Suite struct TicketAPITests {
    @Test func openChangeMoveCommentLinkAndReadHistory() async throws {
        try await APITestServer.with { server in
            let customer = try await server.createCustomer(#"{"name":"Ada"}"#)
            let ticket = try await server.createTicket(
                #"{"subject":"  VAT is wrong ","priority":"high","category":"billing","customerID":\#(customer.id),"assignee":{"kind":"agent","name":"alice"}}"#,
                as: "alice")
            #expect(ticket.subject == "VAT is wrong" && ticket.status == .new && ticket.priority == .high && ticket.createdBy == "alice")
            #expect(ticket.description == "" && ticket.assignee == .agent("alice"))

            let read = try await server.call(.GET, "/api/tickets/\(ticket.id)", as: "alice")
            #expect(try read.decode(Ticket.self) == ticket)

            let patched = try await server.call(.PATCH, "/api/tickets/\(ticket.id)", as: "alice", body: #"{"description":"Invoice 42","priority":"urgent"}"#)
            #expect(patched.status == 200, "\(patched.body)")
            #expect(try patched.decode(Ticket.self).priority == .urgent)

            let opened = try await server.call(.POST, "/api/tickets/\(ticket.id)/status", as: "alice", body: #"{"status":"open"}"#)
            #expect(try opened.decode(Ticket.self).status == .open)
            let closed = try await server.call(.POST, "/api/tickets/\(ticket.id)/status", as: "alice", body: #"{"status":"closed"}"#)
            #expect(try closed.decode(Ticket.self).closedAt != nil)
            let reopen = try await server.call(.POST, "/api/tickets/\(ticket.id)/status", as: "alice", body: #"{"status":"open"}"#)
            #expect(reopen.status == 409)
            #expect(reopen.errorCode == "invalid_transition")
            #expect(try await server.call(.PATCH, "/api/tickets/\(ticket.id)", as: "alice", body: #"{"status":"pending"}"#).status == 409)

            let comment = try await server.call(.POST, "/api/tickets/\(ticket.id)/comments", as: "alice", body: #"{"body":"Called back"}"#)
            #expect(comment.status == 201)
            #expect(try comment.decode(TicketComment.self).author == "alice")
            let internalNote = try await server.call(
                .POST, "/api/tickets/\(ticket.id)/comments", as: "sue", body: #"{"body":"watch this one","isInternal":true}"#)
            #expect(try internalNote.decode(TicketComment.self).isInternal)
            let comments = try await server.call(.GET, "/api/tickets/\(ticket.id)/comments", as: "alice").decode([TicketComment].self)
            #expect(comments.map(\.body) == ["Called back", "watch this one"])

            let link = try await server.call(
                .POST, "/api/tickets/\(ticket.id)/links", as: "alice", body: #"{"kind":"recording","reference":"rec-1.wav"}"#)
            #expect(link.status == 201)
            let badLink = try await server.call(
                .POST, "/api/tickets/\(ticket.id)/links", as: "alice", body: #"{"kind":"interaction","reference":"999"}"#)
            #expect(badLink.status == 422 && badLink.errorFields == ["reference"])
            let links = try await server.call(.GET, "/api/tickets/\(ticket.id)/links", as: "alice").decode([TicketLink].self)
            #expect(links.map(\.reference) == ["rec-1.wav"])

            let history = try await server.call(.GET, "/api/tickets/\(ticket.id)/history", as: "alice").decode([TicketChange].self)
            let fields = history.map(\.field)
            #expect(fields.first == "created")
            for field in ["description", "priority", "status", "comment", "link"] { #expect(fields.contains(field), "\(field)") }
            #expect(history.filter { $0.field == "status" }.map(\.newValue) == ["open", "closed"])
            #expect(try await server.call(.GET, "/api/tickets/999/history", as: "admin").status == 404)
        }
    }

    @Test func searchFiltersAndPages() async throws {
        try await APITestServer.with { server in
            for index in 0..<6 {
                _ = try await server.createTicket(
                    #"{"subject":"Printer \#(index)","priority":"\#(index % 2 == 0 ? "low" : "urgent")","category":"hardware"}"#, as: "sue")
            }
            let other = try await server.createTicket(#"{"subject":"Refund","category":"billing","assignee":{"kind":"group","name":"billing"}}"#, as: "sue")
            let urgent = try await server.call(.GET, "/api/tickets?priority=urgent&category=hardware", as: "sue").decode(Page<Ticket>.self)
            #expect(urgent.total == 3 && urgent.items.allSatisfy { $0.priority == .urgent })
            var seen: [Int64] = []
            for offset in stride(from: 0, to: 6, by: 4) {
                let page = try await server.call(.GET, "/api/tickets?q=printer&limit=4&offset=\(offset)", as: "sue").decode(Page<Ticket>.self)
                #expect(page.total == 6)
                seen += page.items.map(\.id)
            }
            #expect(Set(seen).count == 6)
            let byGroup = try await server.call(.GET, "/api/tickets?assignee=group:billing&status=new,open", as: "sue").decode(Page<Ticket>.self)
            #expect(byGroup.items.map(\.id) == [other.id])
            #expect(try await server.call(.GET, "/api/tickets?breached=true", as: "sue").decode(Page<Ticket>.self).total == 0)
            let bad = try await server.call(.GET, "/api/tickets?status=opened&priority=meh&assignee=alice&customerID=x&breached=maybe&limit=x", as: "sue")
            #expect(bad.status == 422)
            #expect(Set(bad.errorFields) == ["status", "priority", "assignee", "customerID", "breached", "limit"])
        }
    }

    @Test func agentsSeeOnlyTheirOwnAndTheirGroupsTickets() async throws {
        try await APITestServer.with { server in
            let alices = try await server.createTicket(#"{"subject":"Alice's own"}"#, as: "alice")
            let billing = try await server.createTicket(#"{"subject":"For billing","assignee":{"kind":"group","name":"billing"}}"#, as: "sue")
            let bobs = try await server.createTicket(#"{"subject":"Bob's"}"#, as: "bob")
            for index in 0..<4 { _ = try await server.createTicket(#"{"subject":"Sales \#(index)","assignee":{"kind":"group","name":"sales"}}"#, as: "sue") }
            let page = try await server.call(.GET, "/api/tickets?limit=1", as: "alice").decode(Page<Ticket>.self)
            #expect(page.total == 2)
            let all = try await server.call(.GET, "/api/tickets", as: "alice").decode(Page<Ticket>.self)
            #expect(Set(all.items.map(\.id)) == [alices.id, billing.id])
            for path in ["", "/comments", "/links", "/history"] {
                #expect(try await server.call(.GET, "/api/tickets/\(bobs.id)\(path)", as: "alice").status == 404, "\(path)")
            }
            #expect(try await server.call(.PATCH, "/api/tickets/\(bobs.id)", as: "alice", body: #"{"subject":"mine"}"#).status == 404)
            #expect(try await server.call(.POST, "/api/tickets/\(bobs.id)/comments", as: "alice", body: #"{"body":"hi"}"#).status == 404)
            #expect(try await server.call(.GET, "/api/tickets", as: "bob").decode(Page<Ticket>.self).total == 5)
            #expect(try await server.call(.GET, "/api/tickets", as: "quinn").decode(Page<Ticket>.self).total == 7)
        }
    }

    @Test func assigningToSomeoneElseNeedsTheAssignPermission() async throws {
        try await APITestServer.with { server in
            let forbidden = try await server.call(.POST, "/api/tickets", as: "alice", body: #"{"subject":"x","assignee":{"kind":"agent","name":"bob"}}"#)
            #expect(forbidden.status == 403 && forbidden.errorCode == "forbidden")
            let ticket = try await server.createTicket(#"{"subject":"x","assignee":{"kind":"group","name":"billing"}}"#, as: "alice")
            #expect(try await server.call(.PATCH, "/api/tickets/\(ticket.id)", as: "alice", body: #"{"assignee":{"kind":"group","name":"sales"}}"#).status == 403)
            #expect(try await server.call(.PATCH, "/api/tickets/\(ticket.id)", as: "alice", body: #"{"clearAssignee":true}"#).status == 403)
            let moved = try await server.call(.PATCH, "/api/tickets/\(ticket.id)", as: "sue", body: #"{"assignee":{"kind":"agent","name":"bob"}}"#)
            #expect(try moved.decode(Ticket.self).assignee == .agent("bob"))
        }
    }
}
