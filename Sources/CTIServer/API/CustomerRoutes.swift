import CTICore
import Hummingbird
import HummingbirdWebSocket

/// `/api/customers`: search with pagination, read, create, replace, delete; and `/api/lookup`,
/// the caller-ID lookup by any written form of a number.
struct CustomerRoutes: Sendable {
    let records: any CTIRecords
    let principal: @Sendable (Request) async throws -> CTIPrincipal

    func register(on router: Router<BasicWebSocketRequestContext>) {
        router.get("/api/customers") { request, _ in
            let caller = try await principal(request)
            let page = try APIParameters.page(request)
            let text = request.uri.queryParameters["q"].map(String.init)
            return APIReply(try await records.searchCustomers(text: text, page: page, as: caller))
        }
        router.post("/api/customers") { request, _ in
            let caller = try await principal(request)
            let draft = try await RequestBody.decode(CustomerDraft.self, schema: .ref("CustomerDraft"), from: request)
            return APIReply(.created, try await records.createCustomer(draft, as: caller))
        }
        router.get("/api/customers/:id") { request, context in
            let caller = try await principal(request)
            return APIReply(try await records.customer(id: try APIParameters.id(context, entity: "customer"), as: caller))
        }
        router.put("/api/customers/:id") { request, context in
            let caller = try await principal(request)
            let id = try APIParameters.id(context, entity: "customer")
            let draft = try await RequestBody.decode(CustomerDraft.self, schema: .ref("CustomerDraft"), from: request)
            return APIReply(try await records.replaceCustomer(id: id, with: draft, as: caller))
        }
        router.delete("/api/customers/:id") { request, context in
            let caller = try await principal(request)
            try await records.deleteCustomer(id: try APIParameters.id(context, entity: "customer"), as: caller)
            return NoContent()
        }
        router.get("/api/lookup") { request, _ in
            let caller = try await principal(request)
            guard let number = request.uri.queryParameters["number"].map(String.init), !number.isEmpty else {
                throw APIError.validation([.init(field: "number", problem: "is required")])
            }
            guard number.count <= 64 else { throw APIError.validation([.init(field: "number", problem: "must be at most 64 characters")]) }
            return APIReply(LookupReply(number: number, customers: try await records.lookup(number: number, as: caller)))
        }
    }
}

/// The answer of `/api/lookup`: the number as asked and the customers having it (most recent first).
struct LookupReply: Codable, Sendable {
    var number: String
    var customers: [Customer]
}
