import CTICore
import CTIServer
import Foundation
import NIOHTTP1
import Storage
import Testing

/// Each role tries what it must not do and gets 403; without a token every secured route is 401.
@Suite struct PermissionMatrixTests {
    struct Attempt: Sendable, CustomStringConvertible {
        var user: String
        var method: HTTPMethod
        var path: String
        var body: String?
        var description: String { "\(user) \(method) \(path)" }
    }

    @Test func everyRoleIsRefusedWhatItsProfileLacks() async throws {
        try await APITestServer.with { server in
            let customer = try await server.createCustomer(#"{"name":"Ada"}"#)
            let ticket = try await server.createTicket(#"{"subject":"Open for all"}"#, as: "admin")
            let call = try await InteractionAPITests.record(server, agent: "alice")
            let alice = server.userIDs["alice"]!
            let newUser = #"{"username":"eve","displayName":"Eve","role":"admin","password":"long enough password"}"#
            var attempts: [Attempt] = []
            // QA reads, never writes customers, calls or tickets.
            attempts += [
                Attempt(user: "quinn", method: .POST, path: "/api/customers", body: #"{"name":"X"}"#),
                Attempt(user: "quinn", method: .PUT, path: "/api/customers/\(customer.id)", body: #"{"name":"X"}"#),
                Attempt(user: "quinn", method: .DELETE, path: "/api/customers/\(customer.id)"),
                Attempt(user: "quinn", method: .PUT, path: "/api/interactions/\(call.id)/disposition", body: #"{"disposition":"x"}"#),
                Attempt(user: "quinn", method: .POST, path: "/api/tickets", body: #"{"subject":"X"}"#),
                Attempt(user: "quinn", method: .PATCH, path: "/api/tickets/\(ticket.id)", body: #"{"subject":"X"}"#),
                Attempt(user: "quinn", method: .POST, path: "/api/tickets/\(ticket.id)/status", body: #"{"status":"open"}"#),
                Attempt(user: "quinn", method: .POST, path: "/api/tickets/\(ticket.id)/comments", body: #"{"body":"X"}"#),
                Attempt(user: "quinn", method: .POST, path: "/api/tickets/\(ticket.id)/links", body: #"{"kind":"recording","reference":"r"}"#),
                Attempt(user: "quinn", method: .GET, path: "/api/users"),
            ]
            // Agents: no deletes, no users, no tokens, no assigning others, no supervisor views.
            attempts += [
                Attempt(user: "alice", method: .DELETE, path: "/api/customers/\(customer.id)"),
                Attempt(user: "alice", method: .GET, path: "/api/users"),
                Attempt(user: "alice", method: .GET, path: "/api/users/\(alice)"),
                Attempt(user: "alice", method: .POST, path: "/api/users", body: newUser),
                Attempt(user: "alice", method: .PATCH, path: "/api/users/\(alice)", body: #"{"role":"admin"}"#),
                Attempt(user: "alice", method: .POST, path: "/api/users/\(alice)/deactivate"),
                Attempt(user: "alice", method: .POST, path: "/api/users/\(alice)/tokens", body: #"{"name":"x"}"#),
                Attempt(user: "alice", method: .DELETE, path: "/api/tokens/1"),
                Attempt(user: "alice", method: .POST, path: "/api/tickets", body: #"{"subject":"X","assignee":{"kind":"agent","name":"bob"}}"#),
                Attempt(user: "bob", method: .PUT, path: "/api/interactions/\(call.id)/disposition", body: #"{"disposition":"x"}"#),
                Attempt(user: "alice", method: .GET, path: "/api/wallboard"),
                Attempt(user: "alice", method: .GET, path: "/metrics"),
                Attempt(user: "alice", method: .GET, path: "/api/flows"),
                Attempt(user: "alice", method: .GET, path: "/api/erlang?calls=10&aht=180s"),
            ]
            // Supervisors read users but do not manage them or tokens; they do not publish flows.
            attempts += [
                Attempt(user: "sue", method: .POST, path: "/api/users", body: newUser),
                Attempt(user: "sue", method: .PATCH, path: "/api/users/\(alice)", body: #"{"role":"admin"}"#),
                Attempt(user: "sue", method: .POST, path: "/api/users/\(alice)/deactivate"),
                Attempt(user: "sue", method: .POST, path: "/api/users/\(alice)/tokens", body: #"{"name":"x"}"#),
                Attempt(user: "sue", method: .DELETE, path: "/api/tokens/1"),
                Attempt(user: "sue", method: .POST, path: "/api/flows", body: "{}"),
                Attempt(user: "quinn", method: .POST, path: "/api/actions", body: #"{"type":"ready"}"#),
            ]
            for attempt in attempts {
                let answer = try await server.call(attempt.method, attempt.path, as: attempt.user, body: attempt.body)
                #expect(answer.status == 403, "\(attempt): \(answer.status) \(answer.body)")
                #expect(answer.errorCode == "forbidden", "\(attempt)")
            }
            // Nothing was changed by the refused attempts.
            #expect(try await server.store.customers.get(id: customer.id).name == "Ada")
            #expect(try await server.store.tickets.get(id: ticket.id).status == .new)
            #expect(try await server.store.users.list(page: .init()).total == 5)
            #expect(try await server.store.interactions.get(id: call.id).disposition == nil)
        }
    }

    @Test func everySecuredRouteNeedsAValidToken() async throws {
        try await APITestServer.with { server in
            let secured = APIOperations.all.filter { $0.secured && !$0.path.hasPrefix("/ws/") }
            #expect(secured.count > 30)
            for operation in secured {
                let path = operation.path.replacingOccurrences(of: "{id}", with: "1")
                let method = HTTPMethod(rawValue: operation.method)
                for token in [nil, "not-a-token"] as [String?] {
                    let answer = try await server.call(method, path, as: token, body: operation.body == nil ? nil : "{}")
                    #expect(answer.status == 401, "\(operation.method) \(path) with \(token ?? "no token"): \(answer.status)")
                    #expect(answer.errorCode == "unauthenticated", "\(operation.method) \(path)")
                }
            }
            let open = try await server.call(.GET, "/ws/agent?token=bad")
            #expect(open.status == 401)
        }
    }
}
