import CTICore
import Hummingbird
import HummingbirdWebSocket

/// `/api/tickets`: search and filters with pagination, read, open, change fields, move status,
/// comments, links to calls and recordings, and the history of changes.
struct TicketRoutes: Sendable {
    let records: any CTIRecords
    let principal: @Sendable (Request) async throws -> CTIPrincipal

    struct StatusBody: Codable, Sendable { var status: TicketStatus }
    struct CommentBody: Codable, Sendable {
        var body: String
        var isInternal: Bool
    }
    struct LinkBody: Codable, Sendable {
        var kind: TicketLink.Kind
        var reference: String
    }

    func register(on router: Router<BasicWebSocketRequestContext>) {
        router.get("/api/tickets") { request, _ in
            let caller = try await principal(request)
            return APIReply(try await records.searchTickets(try Self.query(request), as: caller))
        }
        router.post("/api/tickets") { request, _ in
            let caller = try await principal(request)
            let draft = try await RequestBody.decode(TicketDraft.self, schema: .ref("TicketDraft"), from: request)
            return APIReply(.created, try await records.createTicket(draft, as: caller))
        }
        router.get("/api/tickets/:id") { request, context in
            let caller = try await principal(request)
            return APIReply(try await records.ticket(id: try APIParameters.id(context, entity: "ticket"), as: caller))
        }
        router.patch("/api/tickets/:id") { request, context in
            let caller = try await principal(request)
            let id = try APIParameters.id(context, entity: "ticket")
            let update = try await RequestBody.decode(TicketUpdate.self, schema: .ref("TicketUpdate"), from: request)
            return APIReply(try await records.updateTicket(id: id, update, as: caller))
        }
        router.post("/api/tickets/:id/status") { request, context in
            let caller = try await principal(request)
            let id = try APIParameters.id(context, entity: "ticket")
            let body = try await RequestBody.decode(StatusBody.self, schema: .ref("StatusChange"), from: request)
            return APIReply(try await records.updateTicket(id: id, TicketUpdate(status: body.status), as: caller))
        }
        router.get("/api/tickets/:id/comments") { request, context in
            let caller = try await principal(request)
            return APIReply(try await records.comments(ticketID: try APIParameters.id(context, entity: "ticket"), as: caller))
        }
        router.post("/api/tickets/:id/comments") { request, context in
            let caller = try await principal(request)
            let id = try APIParameters.id(context, entity: "ticket")
            let body = try await RequestBody.decode(CommentBody.self, schema: .ref("CommentDraft"), from: request)
            return APIReply(.created, try await records.addComment(ticketID: id, body: body.body, isInternal: body.isInternal, as: caller))
        }
        router.get("/api/tickets/:id/links") { request, context in
            let caller = try await principal(request)
            return APIReply(try await records.links(ticketID: try APIParameters.id(context, entity: "ticket"), as: caller))
        }
        router.post("/api/tickets/:id/links") { request, context in
            let caller = try await principal(request)
            let id = try APIParameters.id(context, entity: "ticket")
            let body = try await RequestBody.decode(LinkBody.self, schema: .ref("LinkDraft"), from: request)
            return APIReply(.created, try await records.addLink(ticketID: id, kind: body.kind, reference: body.reference, as: caller))
        }
        router.get("/api/tickets/:id/history") { request, context in
            let caller = try await principal(request)
            return APIReply(try await records.history(ticketID: try APIParameters.id(context, entity: "ticket"), as: caller))
        }
    }

    /// The filters of `GET /api/tickets`; every bad parameter is listed.
    static func query(_ request: Request) throws -> TicketQuery {
        let parameters = request.uri.queryParameters
        var problems: [APIError.FieldProblem] = []
        var query = TicketQuery(page: APIParameters.page(request, problems: &problems))
        func list<Value: RawRepresentable & CaseIterable>(_ name: String, _ type: Value.Type) -> [Value]? where Value.RawValue == String {
            guard let text = parameters[Substring(name)] else { return nil }
            var values: [Value] = []
            for part in text.split(separator: ",") {
                if let value = Value(rawValue: String(part).lowercased()) {
                    values.append(value)
                } else {
                    problems.append(.init(field: name, problem: "'\(part)' is not one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
            }
            return values
        }
        query.statuses = list("status", TicketStatus.self)
        query.priorities = list("priority", TicketPriority.self)
        query.category = parameters["category"].map(String.init)
        query.text = parameters["q"].map(String.init)
        if let text = parameters["assignee"] {
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 2, let kind = TicketAssignee.Kind(rawValue: parts[0]), !parts[1].isEmpty {
                query.assignee = TicketAssignee(kind: kind, name: parts[1])
            } else {
                problems.append(.init(field: "assignee", problem: "must look like agent:<username> or group:<name>"))
            }
        }
        if let text = parameters["customerID"] {
            if let id = Int64(text) { query.customerID = id } else { problems.append(.init(field: "customerID", problem: "must be an integer")) }
        }
        if let text = parameters["breached"] {
            switch text {
            case "true": query.breachedOnly = true
            case "false": query.breachedOnly = false
            default: problems.append(.init(field: "breached", problem: "must be true or false"))
            }
        }
        if !problems.isEmpty { throw APIError.validation(problems) }
        return query
    }
}
