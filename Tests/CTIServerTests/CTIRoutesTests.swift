import AsyncHTTPClient
import CTICore
import Foundation
import NIOCore
import NIOHTTP1
import Testing
@testable import CTIServer

@Suite struct CTIRoutesTests {
    struct Answer {
        var status: Int
        var body: String
        var contentType: String?
    }

    static func call(_ method: HTTPMethod, _ url: String, token: String? = nil, body: String? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return Answer(status: Int(response.status.code), body: String(buffer: bytes), contentType: response.headers.first(name: "Content-Type"))
    }

    struct NotReady: CTIReadiness {
        func checks() async -> [String: Bool] { ["pbx": true, "database": false] }
    }

    @Test func healthAndReadiness() async throws {
        try await CTITestServer.with { server in
            let health = try await Self.call(.GET, "\(server.http)/health")
            #expect(health.status == 200)
            #expect(try await Self.call(.GET, "\(server.http)/ready").status == 200)
        }
        try await CTITestServer.with(readiness: NotReady()) { server in
            let ready = try await Self.call(.GET, "\(server.http)/ready")
            #expect(ready.status == 503)
            #expect(ready.body.contains("\"database\":false"))
        }
    }

    @Test func loginIssuesATokenThatWorksEverywhere() async throws {
        try await CTITestServer.with { server in
            let wrong = try await Self.call(.POST, "\(server.http)/api/session", body: #"{"username":"alice","password":"nope"}"#)
            #expect(wrong.status == 401)
            #expect(!wrong.body.contains("nope"))
            #expect(try await Self.call(.POST, "\(server.http)/api/session", body: #"{"user":"alice"}"#).status == 400)
            let login = try await Self.call(.POST, "\(server.http)/api/session", body: #"{"username":"alice","password":"alice-pw"}"#)
            #expect(login.status == 200)
            let grant = try JSONDecoder().decode(CTISessionGrant.self, from: Data(login.body.utf8))
            #expect(grant.principal == CTITestServer.alice)
            #expect(grant.token.count == 64)
            let me = try await Self.call(.GET, "\(server.http)/api/me", token: grant.token)
            #expect(try JSONDecoder().decode(CTIPrincipal.self, from: Data(me.body.utf8)) == CTITestServer.alice)
            // The same token opens the agent socket.
            try await CTITestSocket.connect("\(server.ws)/ws/agent?token=\(grant.token)") { socket in
                guard case .welcome(let welcome)? = try await socket.next() else { Issue.record("expected welcome"); return }
                #expect(welcome.agentID == "A1")
            }
            server.auth.revoke(token: grant.token)
            #expect(try await Self.call(.GET, "\(server.http)/api/me", token: grant.token).status == 401)
        }
    }

    @Test func everyAPIRouteNeedsAToken() async throws {
        try await CTITestServer.with { server in
            for (method, path) in [(HTTPMethod.GET, "/api/me"), (.POST, "/api/actions"), (.GET, "/api/wallboard")] {
                let body = method == .POST ? #"{"action":"ready"}"# : nil
                let anonymous = try await Self.call(method, server.http + path, body: body)
                #expect(anonymous.status == 401)
                let forged = try await Self.call(method, server.http + path, token: "forged", body: body)
                #expect(forged.status == 401)
            }
        }
    }

    @Test func actionsOverREST() async throws {
        try await CTITestServer.with { server in
            let paused = try await Self.call(.POST, "\(server.http)/api/actions", token: "tok-bob", body: #"{"action":"pause","reason":"Lunch"}"#)
            #expect(paused.status == 200)
            let reply = try JSONDecoder().decode(CTIActionReply.self, from: Data(paused.body.utf8))
            #expect(reply.ok && reply.action == "pause")
            #expect(server.actions.performed.last?.agentID == "A2")
            #expect(await server.hub.lastSeq(for: "A2") == 1)  // the stateChanged pop for Bob
            #expect(await server.hub.lastSeq(for: "A1") == 0)

            let bad = try await Self.call(.POST, "\(server.http)/api/actions", token: "tok-bob", body: #"{"action":"teleport"}"#)
            #expect(bad.status == 400)
            #expect(bad.body.contains("unknown action"))
            #expect(try await Self.call(.POST, "\(server.http)/api/actions", token: "tok-bob", body: "{").status == 400)
            // Supervisors have no agent id: they cannot act as an agent.
            #expect(try await Self.call(.POST, "\(server.http)/api/actions", token: "tok-sue", body: #"{"action":"ready"}"#).status == 403)
        }
    }

    @Test func wallboardIsForSupervisors() async throws {
        try await CTITestServer.with { server in
            #expect(try await Self.call(.GET, "\(server.http)/api/wallboard", token: "tok-sue").status == 404)
            await server.hub.publishWallboard(WallboardSnapshot(generatedAt: 5, queues: [], agents: []))
            let board = try await Self.call(.GET, "\(server.http)/api/wallboard", token: "tok-sue")
            #expect(board.status == 200)
            #expect(try JSONDecoder().decode(WallboardSnapshot.self, from: Data(board.body.utf8)).generatedAt == 5)
            #expect(try await Self.call(.GET, "\(server.http)/api/wallboard", token: "tok-alice").status == 403)
            #expect(try await Self.call(.GET, "\(server.http)/api/wallboard", token: "tok-quinn").status == 403)
        }
    }

    @Test func pagesAreServed() async throws {
        try await CTITestServer.with { server in
            let desk = try await Self.call(.GET, "\(server.http)/")
            #expect(desk.status == 200)
            #expect(desk.body.contains("Agent desktop"))
            #expect(desk.contentType?.hasPrefix("text/html") == true)
            #expect(try await Self.call(.GET, "\(server.http)/wallboard.html").body.contains("Wallboard"))
            #expect(try await Self.call(.GET, "\(server.http)/agent.js").status == 200)
            #expect(try await Self.call(.GET, "\(server.http)/nothing-here.js").status == 404)
        }
    }
}
