/// A flow that passed `FlowValidator`, indexed for running calls.
///
/// Only `FlowValidator.validate(_:)` makes one, so the engine never meets an unknown target.
public struct ValidatedFlow: Sendable, Equatable {
    /// The document as written.
    public let flow: IVRFlow
    /// Node id → position in `flow.nodes`.
    let index: [String: Int]
    /// Compiled schedules, at the positions of time-condition nodes.
    let hours: [BusinessHours?]

    init(flow: IVRFlow, index: [String: Int], hours: [BusinessHours?]) {
        self.flow = flow
        self.index = index
        self.hours = hours
    }

    /// The flow's id.
    public var id: String { flow.id }

    /// The node with `id`, if any.
    public func node(_ id: String) -> IVRNode? {
        index[id].map { flow.nodes[$0] }
    }

    public static func == (lhs: ValidatedFlow, rhs: ValidatedFlow) -> Bool { lhs.flow == rhs.flow }
}
