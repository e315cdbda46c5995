import CTICore
import FlowYAML
import Foundation
import Testing

/// YAML flow documents decode into the same model, with the same validation, as JSON.
@Suite("YAML flows: same model and validation as JSON")
struct YAMLFlowDecodingTests {
    @Test("the YAML sample decodes to the same flow as the JSON sample, and validates")
    func sampleMatchesJSON() throws {
        let json = try IVRFlow.decode(json: Data(contentsOf: samplesDirectory.appendingPathComponent("main-menu.json")))
        let yaml = try IVRFlow.decode(yaml: Data(contentsOf: samplesDirectory.appendingPathComponent("main-menu.yaml")))
        #expect(yaml == json)
        #expect(yaml.nodes.count == 19)
        #expect(FlowValidator.problems(in: yaml).isEmpty)
        // Each node on its own, so a difference names the node.
        for (fromYAML, fromJSON) in zip(yaml.nodes, json.nodes) { #expect(fromYAML == fromJSON) }
    }

    @Test("a broken flow lists the same problems in YAML as in JSON")
    func sameProblems() throws {
        let json = """
            { "id": "broken", "start": "menu", "nodes": [
              { "id": "menu", "type": "menu", "prompts": ["sound:menu"], "options": { "1": "nowhere", "x": "bye" }, "fallback": "bye" },
              { "id": "bye", "type": "hangup" },
              { "id": "island", "type": "play", "prompts": [], "next": "bye" },
              { "id": "bye", "type": "hangup" }
            ] }
            """
        let yaml = """
            id: broken
            start: menu
            nodes:
              - id: menu
                type: menu
                prompts: [sound:menu]
                options: {1: nowhere, x: bye}
                fallback: bye
              - {id: bye, type: hangup}
              - {id: island, type: play, prompts: [], next: bye}
              - {id: bye, type: hangup}
            """
        let fromJSON = try IVRFlow.decode(json: Data(json.utf8))
        let fromYAML = try yamlFlow(yaml)
        #expect(fromYAML == fromJSON)
        let problems = FlowValidator.problems(in: fromYAML)
        #expect(problems == FlowValidator.problems(in: fromJSON))
        #expect(problems.count >= 4)
    }

    @Test("a YAML syntax error gives its line and column")
    func syntaxError() throws {
        let error = yamlError("""
            id: x
            start: a
            nodes:
              - id: a
                type: play
               prompts: [sound:x]
            """)
        #expect(error?.line == 6)
        #expect(error?.column != nil)
        #expect(error?.message.hasPrefix("YAML syntax error") == true)
        let unclosed = yamlError("id: x\nnodes: [\n  {id: a, type: hangup}\n")
        #expect(unclosed?.line != nil)
        #expect(unclosed?.message.hasPrefix("YAML syntax error") == true)
    }

    @Test("a value of the wrong type names its path, line and column")
    func wrongType() throws {
        let error = yamlError("""
            id: x
            start: a
            settings:
              playbackStartTimeout: soon
            nodes: [{id: a, type: hangup}]
            """)
        #expect(error?.path == "settings.playbackStartTimeout")
        #expect(error?.line == 4)
        #expect(error?.column == 25)
        #expect(error?.message == "expected a number")
        let unknownType = yamlError("id: x\nstart: a\nnodes:\n  - {id: a, type: teleport}\n")
        #expect(unknownType?.path.hasPrefix("nodes[0]") == true)
        #expect(unknownType?.line == 4)
        let notAMapping = yamlError("- just\n- a list\n")
        #expect(notAMapping?.message == "expected an object")
    }

    @Test("an empty value counts as absent, as null does in JSON; an empty document is refused")
    func emptyValues() throws {
        let flow = try yamlFlow("id: x\nname:\nstart: a\nsettings: ~\nnodes: [{id: a, type: hangup}]\n")
        #expect(flow.name == "x")
        #expect(flow.settings == IVRFlow.Settings())
        #expect(yamlError("")?.message == "the document is empty")
        #expect(yamlError("# only a comment\n")?.message == "the document is empty")
    }

    @Test("the same flow as JSON, written as a JSON-style YAML document, decodes the same")
    func jsonIsYAML() throws {
        let data = try Data(contentsOf: samplesDirectory.appendingPathComponent("post-call-survey.json"))
        #expect(try IVRFlow.decode(yaml: data) == IVRFlow.decode(json: data))
    }
}
