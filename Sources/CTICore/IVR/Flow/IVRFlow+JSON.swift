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
            throw FlowDecodingError(error) { path in locator.positions[path].map { ($0.line, $0.column) } }
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
}
