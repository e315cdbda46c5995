import CTICore
import Foundation

extension IVRFlow {
    /// Decodes a flow from YAML into the same model as `decode(json:)`, with errors that say where.
    ///
    /// Syntax errors, duplicate keys, anchors/aliases and custom tags are refused with line and
    /// column; a value of the wrong type with its path (`nodes[2].timeout`) and line. Scalars are
    /// read by the field they fill: text fields keep `1`, `0123`, `no` as written; see docs/ivr-flows.md.
    public static func decode(yaml data: Data) throws(FlowDecodingError) -> IVRFlow {
        let root = try YAMLReader.read(data)
        var positions: [String: (line: Int, column: Int)] = [:]
        collectPositions(root, path: "", into: &positions)
        do {
            return try YAMLElementDecoder(element: root, codingPath: []).decode(IVRFlow.self)
        } catch let error as DecodingError {
            throw FlowDecodingError(error) { positions[$0] }
        } catch {
            throw FlowDecodingError(line: nil, column: nil, path: "", message: "\(error)")
        }
    }

    private static func collectPositions(_ element: YAMLElement, path: String, into positions: inout [String: (line: Int, column: Int)]) {
        positions[path] = (element.line, element.column)
        switch element.content {
        case .scalar: break
        case .sequence(let elements):
            for (index, child) in elements.enumerated() { collectPositions(child, path: "\(path)[\(index)]", into: &positions) }
        case .mapping(let mapping):
            for key in mapping.keys {
                collectPositions(mapping[key]!, path: path.isEmpty ? key : path + "." + key, into: &positions)
            }
        }
    }
}
