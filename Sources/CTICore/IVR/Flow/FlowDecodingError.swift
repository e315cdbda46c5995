/// A flow file that is not well-formed JSON or does not have the flow's shape.
public struct FlowDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Line and column (from 1) of the offending value, when known.
    public let line: Int?
    public let column: Int?
    /// Where in the document, e.g. `nodes[2].prompts`; empty for the whole document.
    public let path: String
    public let message: String

    public init(line: Int?, column: Int?, path: String, message: String) {
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        var location: [String] = []
        if let line, let column { location.append("line \(line), column \(column)") }
        if !path.isEmpty { location.append(path) }
        return (location.isEmpty ? "" : location.joined(separator: ", ") + ": ") + message
    }
}
