/// Why the registry refused a change.
public enum FlowPublishError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The flow has problems; nothing was published.
    case invalid(FlowValidationError)
    /// The flow is the same as the live version.
    case unchanged(flowID: String)
    /// No flow has this id.
    case unknownFlow(String)
    /// The flow has no such version.
    case unknownVersion(flowID: String, version: Int)

    public var description: String {
        switch self {
        case .invalid(let error): error.description
        case .unchanged(let id): "flow '\(id)' is the same as its live version; nothing to publish"
        case .unknownFlow(let id): "no flow '\(id)'"
        case .unknownVersion(let id, let version): "flow '\(id)' has no version \(version)"
        }
    }
}
