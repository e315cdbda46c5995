/// An agent's state, as shown on a wallboard and used for occupancy.
///
/// logged out → ready ⇄ paused(reason); ready → offered → on call → wrap-up → ready;
/// offered → ready (no answer, or auto-paused); any → logged out. An agent counts as paused
/// when paused in every queue they are logged into and otherwise idle.
public enum AgentState: Sendable, Hashable {
    case loggedOut
    case ready
    case offered(CallID)
    case onCall(CallID)
    case wrapUp(until: ACDInstant)
    case paused(reason: String)

    /// The state without its details.
    public var kind: AgentStateKind {
        switch self {
        case .loggedOut: .loggedOut
        case .ready: .ready
        case .offered: .offered
        case .onCall: .onCall
        case .wrapUp: .wrapUp
        case .paused: .paused
        }
    }
}

/// Agent states without details, for counting and timing.
public enum AgentStateKind: String, Sendable, Hashable, CaseIterable, Codable {
    case loggedOut = "logged-out"
    case ready
    case offered
    case onCall = "on-call"
    case wrapUp = "wrap-up"
    case paused
}
