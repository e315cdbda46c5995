import CTICore
import FlowYAML
import Foundation
import Testing

/// Flows written out as YAML read back as equal flows.
@Suite("YAML flows: export")
struct YAMLFlowExportTests {
    @Test("both samples round-trip through YAML")
    func samples() throws {
        for name in ["main-menu.json", "post-call-survey.json"] {
            let flow = try IVRFlow.decode(json: Data(contentsOf: samplesDirectory.appendingPathComponent(name)))
            let yaml = try flow.yamlData()
            #expect(try IVRFlow.decode(yaml: yaml) == flow, "\(name)")
            #expect(yaml.first != UInt8(ascii: "{"), "block style, not JSON")
        }
    }

    @Test("text YAML could misread is quoted on the way out: digits, yes/no, null, ~, *, #, times, empty")
    func trickyText() throws {
        let tricky = ["1", "0123", "no", "on", "null", "~", "*", "#", "08:00", "", "true", "1e3", "- x", "a: b", "[x]", "&a", "!tag"]
        let variables = Dictionary(uniqueKeysWithValues: tricky.enumerated().map { ("v\($0.offset)", $0.element) })
        let flow = IVRFlow(
            id: "0123", name: "no", start: "set",
            nodes: [
                IVRNode(id: "set", .setVariable(.init(variables: variables, next: "bye"))),
                IVRNode(id: "bye", .hangUp(.init())),
            ])
        let yaml = try flow.yamlData()
        #expect(try IVRFlow.decode(yaml: yaml) == flow, "\(String(decoding: yaml, as: UTF8.self))")
    }

    @Test("Accept headers pick the export format; JSON unless a YAML type comes first")
    func accept() {
        #expect(FlowDocumentFormat(accept: nil) == .json)
        #expect(FlowDocumentFormat(accept: "*/*") == .json)
        #expect(FlowDocumentFormat(accept: "application/yaml") == .yaml)
        #expect(FlowDocumentFormat(accept: "text/html, text/yaml;q=0.9, application/json;q=0.8") == .yaml)
        #expect(FlowDocumentFormat(accept: "application/json, application/yaml") == .json)
        #expect(FlowDocumentFormat.yaml.contentType.hasPrefix("application/yaml"))
    }
}
