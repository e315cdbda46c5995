import Foundation

extension IVRFlow {
    /// Decodes a flow from JSON, with errors that say where the problem is.
    ///
    /// Syntax errors and duplicate keys are reported with line and column; a value of the wrong
    /// type or an unknown node type with its path (`nodes[2].timeout`) and line.
    public static func decode(json data: Data) throws(FlowDecodingError) -> IVRFlow {
        let locator: JSONLocator
        do {
            locator = try JSONLocator(Array(data))
        } catch {
            throw FlowDecodingError(line: error.position.line, column: error.position.column, path: error.path, message: error.message)
        }
        do {
            return try JSONDecoder().decode(IVRFlow.self, from: data)
        } catch let error as DecodingError {
            let (codingPath, message) = describe(error)
            let path = pathText(codingPath)
            let position = locator.positions[path]
            throw FlowDecodingError(line: position?.line, column: position?.column, path: path, message: message)
        } catch {
            throw FlowDecodingError(line: nil, column: nil, path: "", message: "\(error)")
        }
    }

    /// The flow as pretty JSON with sorted keys.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
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
