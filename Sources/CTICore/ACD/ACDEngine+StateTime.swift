/// Agent state tracking and the time spent in each state.
extension ACDEngine {
    /// The agent's state from their activity, logins and pauses.
    func derivedState(_ agent: Int) -> AgentState {
        switch agents[agent].activity {
        case .offered(let call): return .offered(call)
        case .onCall(let call): return .onCall(call)
        case .wrapUp(let until, _, _, _): return .wrapUp(until: ACDInstant(seconds: until))
        case .idle: break
        }
        var loggedIn = false
        var pauseReason: String?
        for membership in agents[agent].memberships where membership.loggedIn {
            guard let reason = membership.pauseReason else { return .ready }
            loggedIn = true
            pauseReason = pauseReason ?? reason
        }
        guard loggedIn, let pauseReason else { return .loggedOut }
        return .paused(reason: pauseReason)
    }

    /// Closes the timed state when it changed.
    mutating func refreshState(_ agent: Int) {
        syncAvailability(agent)
        let state = derivedState(agent)
        guard state != agents[agent].state else { return }
        let previous = agents[agent].state
        let since = agents[agent].stateSince
        Self.split(from: since, to: now, length: agentStatistics.length) { start, seconds in
            agentStatistics.update(agent, at: start) { Self.book(previous, seconds, into: &$0) }
        }
        agents[agent].state = state
        agents[agent].stateSince = now
    }

    static func book(_ state: AgentState, _ seconds: Double, into statistics: inout AgentStatistics) {
        guard seconds > 0 else { return }
        statistics.stateTime[state.kind, default: 0] += seconds
        if case .paused(let reason) = state { statistics.pauseTime[reason, default: 0] += seconds }
    }

    /// Calls `body` with each interval's start and share of [from, to).
    static func split(from: Double, to: Double, length: Double, _ body: (Double, Double) -> Void) {
        var start = from
        while start < to {
            let boundary = ((start / length).rounded(.down) + 1) * length
            let end = min(to, boundary)
            body(start, end - start)
            start = end
        }
    }
}
