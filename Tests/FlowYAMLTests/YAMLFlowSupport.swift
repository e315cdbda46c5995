import CTICore
import FlowYAML
import Foundation
import Testing

/// `Samples/ivr` in the source tree.
let samplesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Samples/ivr", isDirectory: true)

/// Decodes `text` as a YAML flow.
func yamlFlow(_ text: String) throws(FlowDecodingError) -> IVRFlow {
    try IVRFlow.decode(yaml: Data(text.utf8))
}

/// The error decoding `text` as a YAML flow, or nil (recorded as an issue) when it decodes.
func yamlError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> FlowDecodingError? {
    do {
        _ = try yamlFlow(text)
        Issue.record("expected a decoding error", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}
