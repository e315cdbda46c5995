extension FlowDecodingError {
    /// The flow error for a decoder's error, in words an admin reads, e.g. `nodes[2].timeout: expected a number`.
    ///
    /// `position` gives the line and column where the value at a path (`nodes[2].timeout`) starts in
    /// the source document, for any document format that keeps positions (JSON, YAML).
    public init(_ error: DecodingError, position: (String) -> (line: Int, column: Int)?) {
        let (codingPath, message) = Self.describe(error)
        let path = Self.pathText(codingPath)
        let start = position(path)
        self.init(line: start?.line, column: start?.column, path: path, message: message)
    }

    private static func describe(_ error: DecodingError) -> ([any CodingKey], String) {
        switch error {
        case .typeMismatch(let type, let context):
            return (context.codingPath, "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return (context.codingPath, "expected \(typeName(type)), found null")
        case .keyNotFound(let key, let context):
            return (context.codingPath, "missing required field '\(key.stringValue)'")
        case .dataCorrupted(let context):
            return (context.codingPath, context.debugDescription)
        @unknown default:
            return ([], "\(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : String(describing: type).hasPrefix("Dictionary") ? "an object" : "a value of type \(type)"
        }
    }

    /// `nodes[2].prompts`, the same spelling `JSONLocator` uses.
    private static func pathText(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }
}
