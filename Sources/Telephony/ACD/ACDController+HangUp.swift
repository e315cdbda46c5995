import ARI
import CTICore

extension ACDController {
    /// The agent ends a connected call: their leg is hung up, the caller is released by the
    /// bridge teardown that follows, and the agent goes to wrap-up as on any agent hang-up.
    public func hangUp(_ call: CallID, by agent: AgentID) async throws(ACDControllerError) {
        guard let context = calls[call] else { throw ACDControllerError(.unknownCall, "no call \(call)") }
        guard case .connected(let connectedAgent, let agentChannel, _, _) = context.phase, connectedAgent == agent else {
            throw ACDControllerError(.invalidState, "call \(call) is not connected to agent \(agent)")
        }
        do {
            try await rest.hangup(agentChannel)
        } catch {
            throw .asterisk(error, "hang up \(agentChannel)")
        }
    }

    /// The agent connected to `call`, when it is connected.
    public func agent(of call: CallID) -> AgentID? {
        guard case .connected(let agent, _, _, _) = calls[call]?.phase else { return nil }
        return agent
    }
}
