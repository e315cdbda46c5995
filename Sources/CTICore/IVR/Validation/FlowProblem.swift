/// One thing wrong with a flow, tied to the node it concerns.
public struct FlowProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The rule that was broken.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// A required flow or node field is empty.
        case missingField
        /// The flow names no start node, or one that does not exist.
        case missingStart
        /// A node has no id.
        case missingNodeID
        /// Two nodes share an id.
        case duplicateNodeID
        /// A branch names no target.
        case missingTarget
        /// A branch names a node that does not exist.
        case unknownTarget
        /// No path from the start node reaches the node.
        case unreachable
        /// A cycle from which no path reaches a queue, transfer or hang-up.
        case loopWithoutExit
        /// A cycle of nodes that neither play nor wait, which would spin forever.
        case instantLoop
        /// A node that must speak has no prompts.
        case missingPrompts
        /// A prompt is not a media URI.
        case badPrompt
        /// A digit key is not a single DTMF key, or a node that reads digits offers none.
        case badDigitKey
        /// Digit lengths are out of range or contradict each other.
        case badLength
        /// A timeout is not a positive number of seconds within limits.
        case badTimeout
        /// A retry count is out of range.
        case badRetries
        /// A schedule has bad times, empty or overlapping ranges, unknown days or bad holidays.
        case badSchedule
        /// A time zone is not a known IANA name.
        case unknownTimeZone
        /// A variable name is not an identifier.
        case badVariable
        /// A language code is malformed.
        case badLanguage
        /// Any other value out of range.
        case badValue
    }

    public let code: Code
    /// The node concerned; nil for the flow as a whole.
    public let nodeID: String?
    /// What is wrong, in words for the admin.
    public let message: String

    public init(_ code: Code, node nodeID: String?, _ message: String) {
        self.code = code
        self.nodeID = nodeID
        self.message = message
    }

    public var description: String {
        if let nodeID { "node '\(nodeID)': \(message)" } else { "flow: \(message)" }
    }
}
