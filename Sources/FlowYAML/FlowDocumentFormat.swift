import CTICore
import Foundation

/// The text formats a flow document may be written in.
public enum FlowDocumentFormat: String, Sendable, Hashable, CaseIterable {
    case json
    case yaml

    /// The format named by a file's extension (`.json`, `.yaml`, `.yml`), nil for any other.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "json": self = .json
        case "yaml", "yml": self = .yaml
        default: return nil
        }
    }

    /// The format for a file path: by extension, else JSON when the text starts with `{`, else YAML.
    public init(path: String, contents: Data) {
        if let format = FlowDocumentFormat(fileExtension: (path as NSString).pathExtension) {
            self = format
        } else {
            let first = contents.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
            self = first == UInt8(ascii: "{") ? .json : .yaml
        }
    }

    /// The format for an HTTP `Content-Type` (parameters such as `; charset=utf-8` ignored):
    /// JSON for `application/json` and `*+json`, YAML for `application/yaml`, `application/x-yaml`,
    /// `text/yaml`, `text/x-yaml` and `*+yaml`; nil for any other type.
    public init?(mediaType: String) {
        let type = mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch type {
        case "application/json", "text/json": self = .json
        case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml": self = .yaml
        default:
            if type.hasSuffix("+json") {
                self = .json
            } else if type.hasSuffix("+yaml") {
                self = .yaml
            } else {
                return nil
            }
        }
    }

    /// The media types a flow API body may be sent as, as listed in the API description.
    public static let mediaTypes = ["application/json", "application/yaml", "application/x-yaml", "text/yaml"]
}

extension IVRFlow {
    /// Decodes a flow document written in `format`.
    public static func decode(_ data: Data, format: FlowDocumentFormat) throws(FlowDecodingError) -> IVRFlow {
        switch format {
        case .json: try decode(json: data)
        case .yaml: try decode(yaml: data)
        }
    }
}
