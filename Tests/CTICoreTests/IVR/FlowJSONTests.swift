import CTICore
import Foundation
import Testing

@Suite("IVR flow JSON")
struct FlowJSONTests {
    static func decodeError(_ json: String) -> FlowDecodingError? {
        do {
            _ = try IVRFlow.decode(json: Data(json.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test("a flow survives encoding and decoding unchanged")
    func roundTrip() throws {
        let flow = try sampleFlow("main-menu.json")
        let again = try IVRFlow.decode(json: try flow.jsonData())
        #expect(again == flow)
        #expect(flow.nodes.count == 19)
        guard case .timeCondition(let hours) = flow.nodes[1].kind else { Issue.record("node 2 should be a time condition"); return }
        #expect(hours.timeZone == "Asia/Ho_Chi_Minh")
        #expect(hours.schedule["monday"]?.count == 2)
    }

    @Test("defaults fill fields left out")
    func defaults() throws {
        let flow = try IVRFlow.decode(json: Data(#"{ "id": "d", "start": "m", "nodes": [{ "id": "m", "type": "menu", "prompts": ["sound:m"], "options": { "1": "m" }, "fallback": "m" }] }"#.utf8))
        #expect(flow.name == "d")
        #expect(flow.settings == IVRFlow.Settings(language: "en", playbackStartTimeout: 2))
        guard case .menu(let menu) = flow.nodes[0].kind else { Issue.record("expected a menu"); return }
        #expect(menu.timeout == 5)
        #expect(menu.retry == IVRNode.RetryPolicy(maxRetries: 2))
    }

    @Test("a syntax error names its line and column")
    func syntaxError() throws {
        let json = "{\n  \"id\": \"x\",\n  \"nodes\": [\n    { \"id\": \"a\" \"type\": \"hangup\" }\n  ]\n}"
        let error = try #require(Self.decodeError(json))
        #expect(error.line == 4)
        #expect(error.column == 17)
        #expect(error.message.contains("expected ',' or '}'"))
        #expect(error.description.hasPrefix("line 4, column 17"))
    }

    @Test("malformed documents are rejected with a reason", arguments: [
        ("", "end of file"),
        ("{\"id\": \"x\",}", "trailing comma"),
        ("{\"id\": \"x\"} extra", "after the end"),
        ("{\"id\": \"unterminated}", "end of file inside a string"),
        ("{\"id\": tru}", "expected 'true'"),
        ("{\"a\": 1.}", "after the decimal point"),
        ("{\"nodes\": [1, 2,]}", "trailing comma"),
        ("[1 2]", "expected ',' or ']'"),
    ])
    func malformed(json: String, reason: String) {
        let error = Self.decodeError(json)
        #expect(error?.message.contains(reason) == true, "got \(String(describing: error))")
        #expect(error?.line != nil)
    }

    @Test("a duplicate key is an error, not a silent overwrite")
    func duplicateKey() throws {
        let json = "{\"id\": \"x\", \"start\": \"m\", \"nodes\": [\n{\"id\": \"m\", \"type\": \"menu\", \"options\": {\"1\": \"a\", \"1\": \"b\"}}]}"
        let error = try #require(Self.decodeError(json))
        #expect(error.message == "duplicate key '1'")
        #expect(error.path == "nodes[0].options")
        #expect(error.line == 2)
        #expect(error.column == 51)  // the second "1"
    }

    @Test("a value of the wrong type names its path and line")
    func wrongType() throws {
        let json = "{\n\"id\": \"x\",\n\"nodes\": [\n  {\"id\": \"m\", \"type\": \"menu\",\n   \"timeout\": \"five\"}\n]}"
        let error = try #require(Self.decodeError(json))
        #expect(error.path == "nodes[0].timeout")
        #expect(error.message == "expected a number")
        #expect(error.line == 5)
    }

    @Test("an unknown node type lists the known ones")
    func unknownType() throws {
        let error = try #require(Self.decodeError(#"{"id": "x", "nodes": [{"id": "a", "type": "dance"}]}"#))
        #expect(error.path == "nodes[0].type")
        #expect(error.message.contains("unknown node type 'dance'"))
        #expect(error.message.contains("time_condition"))
    }

    @Test("a node without a type is reported")
    func missingType() throws {
        let error = try #require(Self.decodeError(#"{"id": "x", "nodes": [{"id": "a"}]}"#))
        #expect(error.message == "missing required field 'type'")
        #expect(error.path == "nodes[0]")
    }
}
