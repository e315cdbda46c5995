/// A flow was rejected; `problems` lists every reason.
public struct FlowValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let flowID: String
    public let problems: [FlowProblem]

    public init(flowID: String, problems: [FlowProblem]) {
        self.flowID = flowID
        self.problems = problems
    }

    public var description: String {
        "flow '\(flowID)' has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
