/// Agent states, their time per interval, wrap-up expiry, and the queue and agent tables.
extension AppQueueStatistics {
    /// Moves time on to `time`, first closing the wrap-ups that ran out before it, each at its end.
    mutating func advance(to time: Double) {
        while let (agent, until) = wrapping.compactMap({ agent -> (Int, Double)? in
            guard case .wrapUp(let until, _, _, _) = agents[agent].activity, until <= time else { return nil }
            return (agent, until)
        }).min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) {
            now = max(now, until)
            finishWrapUp(agent)
        }
        now = max(now, time)
    }

    /// Ends the agent's wrap-up now and books the after-call work to the call's interval.
    mutating func finishWrapUp(_ agent: Int) {
        wrapping.remove(agent)
        guard case .wrapUp(_, let queue, let arrival, let ended) = agents[agent].activity else { return }
        let work = now - ended
        queueStatistics.update(queue, at: arrival) { $0.wrapUpTime += work }
        agentStatistics.update(agent, at: arrival) { $0.wrapUpTime += work }
        agents[agent].activity = .idle
        refreshState(agent)
    }

    /// Closes the timed state when it changed, splitting its time at interval boundaries.
    mutating func refreshState(_ agent: Int) {
        let state = derivedState(agents[agent])
        guard state != agents[agent].state else { return }
        let previous = agents[agent].state
        ACDEngine.split(from: agents[agent].since, to: now, length: agentStatistics.length) { start, seconds in
            agentStatistics.update(agent, at: start) { ACDEngine.book(previous, seconds, into: &$0) }
        }
        agents[agent].state = state
        agents[agent].since = now
    }

    func derivedState(_ agent: Agent) -> AgentState {
        switch agent.activity {
        case .offered(let id): return .offered(CallID(id))
        case .onCall(let id): return .onCall(CallID(id))
        case .wrapUp(let until, _, _, _): return .wrapUp(until: ACDInstant(seconds: until))
        case .idle: break
        }
        let records = agent.memberships.sorted { $0.key < $1.key }.map(\.value)
        guard let first = records.first else { return .loggedOut }
        if records.contains(where: { !$0.paused }) { return .ready }
        return .paused(reason: first.pausedReason)
    }

    mutating func queue(_ name: String) -> Int {
        if let index = queueIndex[name] { return index }
        queueNames.append(name)
        queueIndex[name] = queueNames.count - 1
        return queueNames.count - 1
    }

    func name(ofQueue index: Int) -> String { queueNames[index] }

    mutating func agent(_ name: String) -> Int {
        if let index = agentIndex[name] { return index }
        agents.append(Agent(name: name, since: now))
        agentIndex[name] = agents.count - 1
        return agents.count - 1
    }
}
