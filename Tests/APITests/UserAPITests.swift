import CTICore
import CTIServer
import Foundation
import NIOHTTP1
import Storage
import Testing

@Suite struct UserAPITests {
    @Test func adminsCreateChangeAndDeactivateUsers() async throws {
        try await APITestServer.with { server in
            let created = try await server.call(
                .POST, "/api/users", as: "admin",
                body: #"{"username":"carol","displayName":"Carol Agent","role":"agent","groups":["sales"],"password":"a long enough password"}"#)
            #expect(created.status == 201, "\(created.body)")
            #expect(!created.body.contains("password"))
            let carol = try created.decode(User.self)
            #expect(carol.role == .agent && carol.groups == ["sales"] && carol.isActive)

            // The new user logs in with the password given.
            let login = try await server.call(.POST, "/api/session", body: #"{"username":"carol","password":"a long enough password"}"#)
            #expect(login.status == 200)
            let session = try login.decode(CTISessionGrant.self)
            #expect(try await server.call(.GET, "/api/me", as: session.token).status == 200)

            let again = try await server.call(
                .POST, "/api/users", as: "admin", body: #"{"username":"carol","displayName":"C","role":"qa","password":"another long password"}"#)
            #expect(again.status == 409 && again.errorCode == "conflict")

            let promoted = try await server.call(.PATCH, "/api/users/\(carol.id)", as: "admin", body: #"{"role":"supervisor","groups":["billing","sales"]}"#)
            let changed = try promoted.decode(User.self)
            #expect(changed.role == .supervisor && changed.groups == ["billing", "sales"])
            #expect(try await server.call(.GET, "/api/users/\(carol.id)", as: "sue").decode(User.self) == changed)

            let list = try await server.call(.GET, "/api/users?limit=2", as: "sue").decode(Page<User>.self)
            #expect(list.total == 6 && list.items.map(\.username) == ["admin", "alice"])

            let deactivated = try await server.call(.POST, "/api/users/\(carol.id)/deactivate", as: "admin")
            #expect(try deactivated.decode(User.self).isActive == false)
            let refused = try await server.call(.GET, "/api/me", as: session.token)
            #expect(refused.status == 401 && refused.errorCode == "unauthenticated")

            let audit = try await server.store.audit.entries(AuditQuery(entityType: "user", entityID: "\(carol.id)"))
            #expect(Set(audit.items.map(\.action)).isSuperset(of: ["user.create", "user.role", "user.update"]))
            #expect(audit.items.allSatisfy { $0.actor == "admin" })

            let selfLock = try await server.call(.POST, "/api/users/\(server.userIDs["admin"]!)/deactivate", as: "admin")
            #expect(selfLock.status == 409)
        }
    }

    @Test func apiTokensWorkUntilRevoked() async throws {
        try await APITestServer.with { server in
            let bob = server.userIDs["bob"]!
            let issued = try await server.call(.POST, "/api/users/\(bob)/tokens", as: "admin", body: #"{"name":"crm sync"}"#)
            #expect(issued.status == 201)
            let token = try issued.decode(IssuedToken.self)
            #expect(token.kind == .api && token.user.username == "bob" && token.token.hasPrefix("ctb_a_"))
            let me = try await server.call(.GET, "/api/me", as: token.token)
            #expect(try me.decode(CTIPrincipal.self).displayName == "Bob")
            #expect(try await server.call(.DELETE, "/api/tokens/\(token.id)", as: "admin").status == 204)
            #expect(try await server.call(.GET, "/api/me", as: token.token).status == 401)
            #expect(try await server.call(.DELETE, "/api/tokens/\(token.id)", as: "admin").status == 404)
            #expect(try await server.call(.POST, "/api/users/9999/tokens", as: "admin", body: #"{"name":"x"}"#).status == 404)
        }
    }

    @Test func everyBadUserFieldIsListed() async throws {
        try await APITestServer.with { server in
            let answer = try await server.call(
                .POST, "/api/users", as: "admin", body: #"{"username":"a b","displayName":"","role":"agent","password":"short"}"#)
            #expect(answer.status == 422)
            #expect(Set(answer.errorFields) == ["username", "displayName", "password"])
            let role = try await server.call(.POST, "/api/users", as: "admin", body: #"{"username":"dave","displayName":"D","role":"boss","password":1}"#)
            #expect(role.status == 422)
            #expect(Set(role.errorFields) == ["role", "password"])
            let alice = server.userIDs["alice"]!
            let unknown = try await server.call(.PATCH, "/api/users/\(alice)", as: "admin", body: #"{"nickname":"al","isActive":"no"}"#)
            #expect(unknown.status == 422 && Set(unknown.errorFields) == ["nickname", "isActive"])
            #expect(try await server.call(.GET, "/api/users/99999", as: "admin").status == 404)
            #expect(try await server.call(.PATCH, "/api/users/99999", as: "admin", body: #"{"displayName":"X"}"#).status == 404)
            let page = try await server.call(.GET, "/api/users?limit=2&offset=4", as: "admin").decode(Page<User>.self)
            #expect(page.items.map(\.username) == ["sue"] && page.total == 5 && !page.hasMore)
        }
    }
}
