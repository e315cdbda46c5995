import ARI
import CTICore

/// What the controller keeps about one call it queued.
struct ACDCallContext: Sendable {
    enum Phase: Sendable {
        case waiting
        /// The caller hung up with a callback promise; the call keeps its place in the engine.
        case awaitingCallback
        case connected(agent: AgentID, agentChannel: String, bridgeID: String, since: ACDInstant)
    }

    var info: ACDCallInfo
    var priority: Int
    var skills: [SkillRequirement]
    var enqueuedAt: ACDInstant
    var phase: Phase = .waiting
    /// The holding bridge the caller sits in while waiting.
    var holdingBridge: String?
    /// Putting the caller into the holding bridge: the error, if it failed.
    var holdRequest: Task<ARIError?, Never>?
    var holdSince: ACDInstant?
    var holdSeconds: Double = 0
    var announcements: Task<Void, Never>?
    /// How many times this caller was transferred (for fresh call ids).
    var transfers = 0
    /// A callback whose agent is in the bridge while the customer's phone is being dialled.
    var diallingCustomer = false
    /// A callback whose agent answered: its end is reported as `callbackFinished`.
    var callbackDialled = false

    var agentChannel: String? {
        if case .connected(_, let channel, _, _) = phase { return channel }
        return nil
    }
}

/// An agent leg being rung for a call.
struct ACDAgentLeg: Sendable {
    var call: CallID
    var agent: AgentID
}

/// A supervisor listening to, whispering to or barging into a call.
struct ACDSupervision: Sendable {
    var call: CallID
    var mode: ACDSupervisionMode
    var supervisorChannel: String
    var snoopChannel: String?
    var bridgeID: String?
}
