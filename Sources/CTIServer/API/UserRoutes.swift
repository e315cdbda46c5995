import CTICore
import Hummingbird
import HummingbirdWebSocket

/// `/api/users` and `/api/tokens`: admins create users, change roles and groups, deactivate them,
/// and issue or revoke API tokens; supervisors may list users.
struct UserRoutes: Sendable {
    let records: any CTIRecords
    let principal: @Sendable (Request) async throws -> CTIPrincipal

    struct TokenBody: Codable, Sendable { var name: String }

    func register(on router: Router<BasicWebSocketRequestContext>) {
        router.get("/api/users") { request, _ in
            let caller = try await principal(request)
            return APIReply(try await records.users(page: try APIParameters.page(request), as: caller))
        }
        router.post("/api/users") { request, _ in
            let caller = try await principal(request)
            let draft = try await RequestBody.decode(UserDraft.self, schema: .ref("UserDraft"), from: request)
            return APIReply(.created, try await records.createUser(draft, as: caller))
        }
        router.get("/api/users/:id") { request, context in
            let caller = try await principal(request)
            return APIReply(try await records.user(id: try APIParameters.id(context, entity: "user"), as: caller))
        }
        router.patch("/api/users/:id") { request, context in
            let caller = try await principal(request)
            let id = try APIParameters.id(context, entity: "user")
            let update = try await RequestBody.decode(UserUpdate.self, schema: .ref("UserUpdate"), from: request)
            return APIReply(try await records.updateUser(id: id, update, as: caller))
        }
        router.post("/api/users/:id/deactivate") { request, context in
            let caller = try await principal(request)
            let id = try APIParameters.id(context, entity: "user")
            return APIReply(try await records.updateUser(id: id, UserUpdate(isActive: false), as: caller))
        }
        router.post("/api/users/:id/tokens") { request, context in
            let caller = try await principal(request)
            let id = try APIParameters.id(context, entity: "user")
            let body = try await RequestBody.decode(TokenBody.self, schema: .ref("TokenDraft"), from: request)
            return APIReply(.created, try await records.issueToken(userID: id, name: body.name, as: caller))
        }
        router.delete("/api/tokens/:id") { request, context in
            let caller = try await principal(request)
            try await records.revokeToken(id: try APIParameters.id(context, entity: "token"), as: caller)
            return NoContent()
        }
    }
}
