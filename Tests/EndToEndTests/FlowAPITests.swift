import AsyncHTTPClient
import BrowserSupport
import CTICore
import CTIDemo
import Foundation
import NIOCore
import NIOHTTP1
import Storage
import Testing

/// `/api/flows` on the running service: admins validate and publish flows, every problem listed.
@Suite("IVR flow API", .serialized)
struct FlowAPITests {
    typealias Reply = HTTPTestAnswer

    static func request(_ method: HTTPMethod, _ url: String, token: String? = nil, body: String? = nil) async throws -> Reply {
        try await HTTPTestClient.call(method, url, token: token, body: body)
    }

    static func login(_ base: String, _ user: String) async throws -> String {
        let reply = try await request(.POST, "\(base)/api/session", body: #"{"username":"\#(user)","password":"\#(DemoSite.password)"}"#)
        return try #require((reply.json as? [String: Any])?["token"] as? String)
    }

    static let broken = """
        { "id": "broken", "start": "menu", "nodes": [
          { "id": "menu", "type": "menu", "prompts": ["sound:menu"], "options": { "1": "nowhere" }, "fallback": "bye" },
          { "id": "bye", "type": "hangup" },
          { "id": "island", "type": "play", "prompts": ["sound:x"], "next": "bye" }
        ] }
        """

    @Test("validate lists every problem; publish makes a new live version, audited; roles and bad input refused")
    func validateAndPublish() async throws {
        try await EndToEnd.with { world in
            let admin = try await Self.login(world.http, "admin")
            let agent = try await Self.login(world.http, "1001")

            let checked = try await Self.request(.POST, "\(world.http)/api/flows/validate", token: admin, body: Self.broken)
            #expect(checked.status == 422)
            let problems = (checked.json as? [String: Any])?["problems"] as? [[String: Any]] ?? []
            let codes = Set(problems.compactMap { $0["code"] as? String })
            #expect(codes.isSuperset(of: ["unknownTarget", "unreachable"]), "\(problems)")

            let garbage = try await Self.request(.POST, "\(world.http)/api/flows/validate", token: admin, body: "{\"id\": ")
            #expect(garbage.status == 422)
            #expect(((garbage.json as? [String: Any])?["problems"] as? [[String: Any]])?.first?["code"] as? String == "malformedDocument")

            #expect(try await Self.request(.POST, "\(world.http)/api/flows/validate", token: agent, body: Self.broken).status == 403)
            #expect(try await Self.request(.POST, "\(world.http)/api/flows", body: Self.broken).status == 401)
            #expect(try await Self.request(.POST, "\(world.http)/api/flows", token: admin, body: Self.broken).status == 422)

            // A new version of the main menu: one prompt changed.
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Samples/ivr/main-menu.json")
            let changed = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "sound:welcome", with: "sound:welcome-winter")
            let published = try await Self.request(.POST, "\(world.http)/api/flows?note=winter", token: admin, body: changed)
            #expect(published.status == 201)
            #expect((published.json as? [String: Any])?["liveVersion"] as? Int == 2)
            #expect(try await Self.request(.POST, "\(world.http)/api/flows", token: admin, body: changed).status == 409)

            let listed = try await Self.request(.GET, "\(world.http)/api/flows", token: admin)
            #expect((listed.json as? [[String: Any]])?.first?["liveVersion"] as? Int == 2)
            let history = try await Self.request(.GET, "\(world.http)/api/flows/main-menu/history", token: admin)
            let entries = history.json as? [[String: Any]] ?? []
            #expect(entries.count == 2)
            #expect(entries.last?["by"] as? String == "Site Admin")
            #expect(entries.last?["note"] as? String == "winter")
            #expect(try await Self.request(.GET, "\(world.http)/api/flows/nope/history", token: admin).status == 404)

            let audit = try await world.store.audit.entries(AuditQuery(entityType: "flow", entityID: "main-menu"))
            #expect(audit.items.map(\.action) == ["flow.publish"])
            #expect(audit.items.first?.actor == "Site Admin")
        }
    }
}

/// `/api/erlang` on the running service.
@Suite("Erlang C over the API")
struct ErlangAPITests {
    @Test("the golden staffing case, every bad parameter listed, roles enforced")
    func staffing() async throws {
        try await EndToEnd.with { world in
            let supervisor = try await FlowAPITests.login(world.http, "supervisor")
            let agent = try await FlowAPITests.login(world.http, "1001")
            // domain.md golden 18: A = 48 Erlangs, target 80/15 → the table's staffing with SL ≥ 80 %.
            let reply = try await FlowAPITests.request(
                .GET, "\(world.http)/api/erlang?calls=960&interval=1h&aht=180s&target=80/15&shrinkage=30", token: supervisor)
            #expect(reply.status == 200)
            let body = reply.json as? [String: Any] ?? [:]
            #expect(body["trafficErlangs"] as? Double == 48)
            let required = body["required"] as? [String: Any] ?? [:]
            let agents = required["agents"] as? Int ?? 0
            let engine = try ErlangC(traffic: 48, averageHandleTime: 180).requiredAgents(target: 0.8, threshold: 15)
            #expect(agents == engine.agents)
            #expect(try ErlangC(traffic: 48, averageHandleTime: 180).serviceLevel(agents: 55, threshold: 15) > 0.845)
            #expect((required["serviceLevel"] as? Double ?? 0) >= 0.8)
            #expect((body["scheduled"] as? Int ?? 0) > agents)

            let bad = try await FlowAPITests.request(.GET, "\(world.http)/api/erlang?calls=-1&aht=soon&target=80", token: supervisor)
            #expect(bad.status == 400)
            #expect(try await FlowAPITests.request(.GET, "\(world.http)/api/erlang?calls=10&aht=60", token: agent).status == 403)
            #expect(try await FlowAPITests.request(.GET, "\(world.http)/api/erlang?calls=10&aht=60").status == 401)
        }
    }
}
