import CTICore
import Hummingbird
import HummingbirdWebSocket

/// Calls: a customer's timeline, one call, and the agent's disposition.
struct InteractionRoutes: Sendable {
    let records: any CTIRecords
    let principal: @Sendable (Request) async throws -> CTIPrincipal

    /// `PUT /api/interactions/{id}/disposition`.
    struct DispositionBody: Codable, Sendable {
        var disposition: String
        var note: String?
    }

    func register(on router: Router<BasicWebSocketRequestContext>) {
        router.get("/api/customers/:id/interactions") { request, context in
            let caller = try await principal(request)
            let id = try APIParameters.id(context, entity: "customer")
            return APIReply(try await records.timeline(customerID: id, page: try APIParameters.page(request), as: caller))
        }
        router.get("/api/interactions/:id") { request, context in
            let caller = try await principal(request)
            return APIReply(try await records.interaction(id: try APIParameters.id(context, entity: "interaction"), as: caller))
        }
        router.put("/api/interactions/:id/disposition") { request, context in
            let caller = try await principal(request)
            let id = try APIParameters.id(context, entity: "interaction")
            let body = try await RequestBody.decode(DispositionBody.self, schema: .ref("DispositionDraft"), from: request)
            return APIReply(try await records.setDisposition(interactionID: id, disposition: body.disposition, note: body.note, as: caller))
        }
    }
}
