import CTICore
import Foundation
import Yams

extension IVRFlow {
    /// The flow as YAML in the model's field order; text that YAML could read as something else
    /// (`1`, `no`, `*`, `#`, `08:00`) is quoted, so `decode(yaml:)` gives back an equal flow.
    public func yamlData() throws -> Data {
        Data(try YAMLEncoder().encode(self).utf8)
    }
}

extension FlowDocumentFormat {
    /// The format an HTTP `Accept` header asks for: the first JSON or YAML type it lists
    /// (`*/*`, a missing header or no known type: JSON).
    public init(accept: String?) {
        for item in (accept ?? "").split(separator: ",") {
            if let format = FlowDocumentFormat(mediaType: String(item)) {
                self = format
                return
            }
        }
        self = .json
    }

    /// The `Content-Type` for documents in this format.
    public var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .yaml: "application/yaml; charset=utf-8"
        }
    }
}
