import AsyncHTTPClient
import CTICore
import FlowYAML
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// `/api/flows` with YAML bodies: the same checks, problems and error shape as JSON.
@Suite("Flow API with YAML bodies")
struct FlowYAMLAPITests {
    static let valid = """
        id: yaml-line
        name: YAML line
        start: menu
        nodes:
          - id: menu
            type: menu
            prompts: [sound:menu]
            options: {1: bye, "*": bye}
            fallback: bye
          - {id: bye, type: hangup}
        """

    static let broken = """
        id: broken
        start: menu
        nodes:
          - {id: menu, type: menu, prompts: [sound:menu], options: {1: nowhere}, fallback: bye}
          - {id: bye, type: hangup}
          - {id: island, type: play, prompts: [sound:x], next: bye}
        """

    func problems(_ answer: APITestServer.Answer) -> [[String: JSONValue]] {
        guard case .object(let body)? = answer.json, case .array(let problems)? = body["problems"] else { return [] }
        return problems.compactMap { if case .object(let problem) = $0 { problem } else { nil } }
    }

    @Test("validate accepts each YAML media type and lists the same problems as the JSON body")
    func validate() async throws {
        try await APITestServer.with { server in
            for type in ["application/yaml", "application/x-yaml", "text/yaml", "application/yaml; charset=utf-8"] {
                let answer = try await server.call(.POST, "/api/flows/validate", as: "admin", body: Self.valid, contentType: type)
                #expect(answer.status == 200, "\(type): \(answer.body)")
                #expect(answer.json == .object(["valid": .bool(true), "problems": .array([])]))
            }
            let yaml = try await server.call(.POST, "/api/flows/validate", as: "admin", body: Self.broken, contentType: "application/yaml")
            #expect(yaml.status == 422)
            let json = """
                { "id": "broken", "start": "menu", "nodes": [
                  { "id": "menu", "type": "menu", "prompts": ["sound:menu"], "options": { "1": "nowhere" }, "fallback": "bye" },
                  { "id": "bye", "type": "hangup" },
                  { "id": "island", "type": "play", "prompts": ["sound:x"], "next": "bye" }
                ] }
                """
            let fromJSON = try await server.call(.POST, "/api/flows/validate", as: "admin", body: json)
            #expect(fromJSON.status == 422)
            #expect(problems(yaml).count >= 2)
            #expect(yaml.json == fromJSON.json)
        }
    }

    @Test("malformed YAML is one malformedDocument problem with line and column; anchors are refused the same way")
    func malformed() async throws {
        try await APITestServer.with { server in
            let answer = try await server.call(
                .POST, "/api/flows/validate", as: "admin", body: "id: x\nnodes: [\n  {id: a\n", contentType: "text/yaml")
            #expect(answer.status == 422)
            let found = problems(answer)
            #expect(found.count == 1)
            #expect(found.first?["code"] == .string("malformedDocument"))
            guard case .string(let message)? = found.first?["message"] else {
                Issue.record("no message in \(answer.body)")
                return
            }
            #expect(message.contains("line "))
            #expect(message.contains("YAML syntax error"))
            let alias = try await server.call(
                .POST, "/api/flows", as: "admin", body: "id: x\nstart: &s a\nname: *s\nnodes: [{id: a, type: hangup}]\n",
                contentType: "application/yaml")
            #expect(alias.status == 422)
            #expect(alias.body.contains("anchors and aliases"))
            // YAML is not read as JSON: a YAML body sent as JSON is malformed.
            let asJSON = try await server.call(.POST, "/api/flows/validate", as: "admin", body: Self.valid)
            #expect(asJSON.status == 422)
        }
    }

    @Test("publish takes a YAML body; the published flow is listed; other media types get 415 with the error body")
    func publish() async throws {
        try await APITestServer.with { server in
            let published = try await server.call(.POST, "/api/flows?note=yaml", as: "admin", body: Self.valid, contentType: "application/yaml")
            #expect(published.status == 201, "\(published.body)")
            guard case .object(let summary)? = published.json else {
                Issue.record("no summary in \(published.body)")
                return
            }
            #expect(summary["id"] == .string("yaml-line"))
            #expect(summary["liveVersion"] == .number(1))
            let again = try await server.call(.POST, "/api/flows", as: "admin", body: Self.valid, contentType: "application/x-yaml")
            #expect(again.status == 409)
            let listed = try await server.call(.GET, "/api/flows", as: "sue")
            #expect(listed.body.contains("yaml-line"))

            let plain = try await server.call(.POST, "/api/flows/validate", as: "admin", body: Self.valid, contentType: "text/plain")
            #expect(plain.status == 415)
            #expect(plain.errorCode == "unsupported_media_type")
            #expect(try await server.call(.POST, "/api/flows", as: "sue", body: Self.valid, contentType: "application/yaml").status == 403)
            #expect(try await server.call(.POST, "/api/flows", body: Self.valid, contentType: "application/yaml").status == 401)
        }
    }

    @Test("/openapi.json lists the JSON and YAML media types for flow bodies, JSON only elsewhere")
    func openAPI() async throws {
        try await APITestServer.with { server in
            let answer = try await server.call(.GET, "/openapi.json")
            guard case .object(let document)? = answer.json, case .object(let paths)? = document["paths"] else {
                Issue.record("no paths in \(answer.body.prefix(200))")
                return
            }
            func bodyTypes(_ path: String, _ method: String) -> Set<String> {
                guard case .object(let operations)? = paths[path], case .object(let operation)? = operations[method],
                    case .object(let body)? = operation["requestBody"], case .object(let content)? = body["content"]
                else { return [] }
                return Set(content.keys)
            }
            let flowTypes: Set<String> = ["application/json", "application/yaml", "application/x-yaml", "text/yaml"]
            #expect(bodyTypes("/api/flows", "post") == flowTypes)
            #expect(bodyTypes("/api/flows/validate", "post") == flowTypes)
            #expect(bodyTypes("/api/customers", "post") == ["application/json"])
        }
    }
}

/// `GET /api/flows/{id}`: the live flow as JSON, or YAML when asked.
@Suite("Flow API: export as YAML")
struct FlowExportAPITests {
    func get(_ server: APITestServer, _ path: String, as user: String, accept: String?) async throws -> (Int, String?, Data) {
        var request = HTTPClientRequest(url: server.base + path)
        request.headers.add(name: "Authorization", value: "Bearer \(server.tokens[user] ?? user)")
        if let accept { request.headers.add(name: "Accept", value: accept) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), response.headers.first(name: "Content-Type"), Data(body.readableBytesView))
    }

    @Test("a published flow comes back as YAML with Accept: application/yaml and as JSON otherwise, both equal to it")
    func export() async throws {
        try await APITestServer.with { server in
            let published = try await server.call(
                .POST, "/api/flows", as: "admin", body: FlowYAMLAPITests.valid, contentType: "application/yaml")
            #expect(published.status == 201)
            let flow = try IVRFlow.decode(yaml: Data(FlowYAMLAPITests.valid.utf8))

            let (status, type, body) = try await get(server, "/api/flows/yaml-line", as: "sue", accept: "application/yaml")
            #expect(status == 200)
            #expect(type?.hasPrefix("application/yaml") == true)
            #expect(try IVRFlow.decode(yaml: body) == flow)

            let (jsonStatus, jsonType, jsonBody) = try await get(server, "/api/flows/yaml-line", as: "admin", accept: nil)
            #expect(jsonStatus == 200)
            #expect(jsonType?.hasPrefix("application/json") == true)
            #expect(try IVRFlow.decode(json: jsonBody) == flow)

            #expect(try await get(server, "/api/flows/nope", as: "admin", accept: "text/yaml").0 == 404)
            #expect(try await get(server, "/api/flows/yaml-line", as: "alice", accept: "text/yaml").0 == 403)
        }
    }
}
