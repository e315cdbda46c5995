import CTICore
import Synchronization

/// Agent actions kept in memory: state changes go back to the agent as `stateChanged` pops, tickets get
/// ids, dispositions are recorded. Stands in until the ACD and ticket store are wired; tests read `performed`.
public final class InMemoryAgentActions: AgentActionHandler {
    struct State {
        var performed: [(agentID: String, action: CTIAgentAction)] = []
        var queues: [String: [String]] = [:]
        var nextTicket = 1000
        var dispositions: [String: String] = [:]
    }

    private let hub: CTIHub
    private let state = Mutex(State())

    public init(hub: CTIHub) { self.hub = hub }

    /// Every action performed so far, in order.
    public var performed: [(agentID: String, action: CTIAgentAction)] { state.withLock { $0.performed } }

    /// The disposition recorded for a call.
    public func disposition(for callID: String) -> String? { state.withLock { $0.dispositions[callID] } }

    public func perform(_ action: CTIAgentAction, for principal: CTIPrincipal) async -> CTIActionReply {
        guard let agentID = principal.agentID else {
            return CTIActionReply(action: action.name, ok: false, error: CTIProtocolError(.forbidden, "actions are for agents"))
        }
        let (result, change) = state.withLock { state -> ([String: String], CTIAgentStateChange?) in
            state.performed.append((agentID, action))
            switch action {
            case .login(let queues):
                state.queues[agentID] = Array(Set((state.queues[agentID] ?? []) + queues)).sorted()
                return ([:], CTIAgentStateChange(agentID: agentID, state: .paused, reason: "logged in", queues: state.queues[agentID] ?? []))
            case .logout(let queues):
                let remaining = queues.isEmpty ? [] : (state.queues[agentID] ?? []).filter { !queues.contains($0) }
                state.queues[agentID] = remaining
                return ([:], CTIAgentStateChange(agentID: agentID, state: remaining.isEmpty ? .loggedOut : .paused, queues: remaining))
            case .ready, .endWrapUp:
                return ([:], CTIAgentStateChange(agentID: agentID, state: .ready, queues: state.queues[agentID] ?? []))
            case .pause(let reason):
                return ([:], CTIAgentStateChange(agentID: agentID, state: .paused, reason: reason, queues: state.queues[agentID] ?? []))
            case .setDisposition(let callID, let disposition, _):
                state.dispositions[callID] = disposition
                return (["callID": callID, "disposition": disposition], nil)
            case .createTicket:
                state.nextTicket += 1
                return (["ticketID": "T-\(state.nextTicket)"], nil)
            case .linkTicket(let callID, let ticketID):
                return (["callID": callID, "ticketID": ticketID], nil)
            case .hangUp, .hold, .unhold, .blindTransfer:
                return ([:], nil)
            }
        }
        if let change { await hub.publish(.stateChanged(change), to: agentID) }
        return CTIActionReply(action: action.name, ok: true, result: result)
    }
}
