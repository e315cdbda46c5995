import AsyncHTTPClient
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
    struct Reply {
        var status: Int
        var json: Any
    }

    static func request(_ method: HTTPMethod, _ url: String, token: String? = nil, body: String? = nil) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        let json = (try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView), options: [.fragmentsAllowed])) ?? [:]
        return Reply(status: Int(response.status.code), json: json)
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
