import CTICore

/// Agent state operations, as an agent desktop or supervisor asks for them.
extension ACDController {
    /// Logs the agent into these queues (nil: all of theirs); they become ready there.
    public func login(_ agent: AgentID, queues: [QueueID]? = nil) async throws(ACDControllerError) {
        try await apply(.login(agent, queues: queues))
    }

    /// Logs the agent out of these queues (nil: all); a ringing offer is withdrawn.
    public func logout(_ agent: AgentID, queues: [QueueID]? = nil) async throws(ACDControllerError) {
        try await apply(.logout(agent, queues: queues))
    }

    /// Ends wrap-up and unpauses the agent everywhere.
    public func ready(_ agent: AgentID) async throws(ACDControllerError) {
        try await apply(.ready(agent))
    }

    /// Pauses the agent with a reason code in these queues (nil: all).
    public func pause(_ agent: AgentID, reason: String, queues: [QueueID]? = nil) async throws(ACDControllerError) {
        guard !reason.isEmpty else { throw ACDControllerError(.invalidState, "a pause needs a reason code") }
        try await apply(.pause(agent, reason: reason, queues: queues))
    }

    /// Unpauses the agent in these queues (nil: all).
    public func unpause(_ agent: AgentID, queues: [QueueID]? = nil) async throws(ACDControllerError) {
        try await apply(.unpause(agent, queues: queues))
    }

    /// Ends the agent's wrap-up early.
    public func endWrapUp(_ agent: AgentID) async throws(ACDControllerError) {
        guard let state = engine.state(of: agent) else { throw ACDControllerError(.unknownAgent, "no agent \(agent)") }
        guard case .wrapUp = state else { throw ACDControllerError(.invalidState, "agent \(agent) is not in wrap-up") }
        try await apply(.wrapUpEnded(agent))
    }
}
