import CTICore
import FlowYAML
import Foundation
import Testing

/// Picking JSON or YAML from a file name, its contents or an HTTP media type.
@Suite("Flow document format selection")
struct FlowDocumentFormatTests {
    @Test("extensions pick the format; other files are sniffed: '{' is JSON, anything else YAML")
    func files() {
        #expect(FlowDocumentFormat(path: "flows/main.yaml", contents: Data("{}".utf8)) == .yaml)
        #expect(FlowDocumentFormat(path: "flows/main.YML", contents: Data()) == .yaml)
        #expect(FlowDocumentFormat(path: "flows/main.json", contents: Data("id: x".utf8)) == .json)
        #expect(FlowDocumentFormat(path: "flows/main.flow", contents: Data("\u{FEFF}\n  {\"id\": 1}".utf8)) == .json)
        #expect(FlowDocumentFormat(path: "flows/main", contents: Data("id: x\n".utf8)) == .yaml)
        #expect(FlowDocumentFormat(fileExtension: "txt") == nil)
    }

    @Test("media types: JSON and YAML types with parameters; others are nil")
    func mediaTypes() {
        #expect(FlowDocumentFormat(mediaType: "application/json; charset=utf-8") == .json)
        #expect(FlowDocumentFormat(mediaType: "application/vnd.flow+json") == .json)
        for type in ["application/yaml", "application/x-yaml", "text/yaml", "TEXT/YAML; charset=utf-8", "application/vnd.flow+yaml"] {
            #expect(FlowDocumentFormat(mediaType: type) == .yaml, "\(type)")
        }
        #expect(FlowDocumentFormat(mediaType: "text/plain") == nil)
        #expect(FlowDocumentFormat(mediaType: "") == nil)
    }

    @Test("decode(_:format:) reads each format, and refuses the other")
    func decodeByFormat() throws {
        let yaml = Data("id: x\nstart: a\nnodes: [{id: a, type: hangup}]\n".utf8)
        #expect(try IVRFlow.decode(yaml, format: .yaml).id == "x")
        #expect(throws: FlowDecodingError.self) { try IVRFlow.decode(yaml, format: .json) }
    }
}
