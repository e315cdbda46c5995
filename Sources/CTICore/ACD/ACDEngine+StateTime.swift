/// Agent state tracking and the time spent in each state.
extension ACDEngine {
    /// The agent's state from their activity, logins and pauses.
    func derivedState(_ agent: Int) -> AgentState {
        let record = agents[agent]
        switch record.activity {
        case .offered(let call): return .offered(call)
        case .onCall(let call): return .onCall(call)
        case .wrapUp(let until, _, _, _): return .wrapUp(until: ACDInstant(seconds: until))
        case .idle: break
        }
        let loggedIn = record.memberships.filter(\.loggedIn)
        if loggedIn.isEmpty { return .loggedOut }
        if loggedIn.allSatisfy({ $0.pauseReason != nil }) { return .paused(reason: loggedIn[0].pauseReason ?? "") }
        return .ready
    }

    /// Closes the timed state when it changed.
    mutating func refreshState(_ agent: Int) {
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
