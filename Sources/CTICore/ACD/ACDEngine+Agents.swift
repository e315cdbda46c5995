/// Agent events: login, logout, pause, ready, wrap-up.
extension ACDEngine {
    /// Membership indices of `agent` for `queues` (nil: all configured), checked to exist.
    private func memberships(of agent: Int, _ queues: [QueueID]?) throws(ACDError) -> [Int] {
        guard let queues else { return Array(agents[agent].memberships.indices) }
        var result: [Int] = []
        for id in queues {
            let queue = try queue(id)
            guard let membership = agents[agent].membership(of: queue) else {
                throw ACDError(.notAMember, "agent \(agents[agent].config.id) is not a member of queue \(id)")
            }
            if !result.contains(membership) { result.append(membership) }
        }
        return result
    }

    /// Like `memberships`, but every named queue must be logged into (nil: the logged-in ones).
    private func loggedInMemberships(of agent: Int, _ queues: [QueueID]?) throws(ACDError) -> [Int] {
        let record = agents[agent]
        let chosen = try memberships(of: agent, queues).filter { queues != nil || record.memberships[$0].loggedIn }
        for index in chosen where !record.memberships[index].loggedIn {
            let queue = self.queues[record.memberships[index].queue].config.id
            throw ACDError(.notLoggedIn, "agent \(record.config.id) is not logged into queue \(queue)")
        }
        guard !chosen.isEmpty else { throw ACDError(.notLoggedIn, "agent \(record.config.id) is not logged in") }
        return chosen
    }

    mutating func login(_ id: AgentID, queues: [QueueID]?) throws(ACDError) {
        let agent = try agent(id)
        let record = agents[agent]
        let chosen: [Int]
        if let queues {
            chosen = try memberships(of: agent, queues)
            if let already = chosen.first(where: { record.memberships[$0].loggedIn }) {
                let queue = self.queues[record.memberships[already].queue].config.id
                throw ACDError(.alreadyLoggedIn, "agent \(id) is already logged into queue \(queue)")
            }
        } else {
            guard !record.memberships.isEmpty else { throw ACDError(.notAMember, "agent \(id) is in no queue") }
            chosen = record.memberships.indices.filter { !record.memberships[$0].loggedIn }
            guard !chosen.isEmpty else { throw ACDError(.alreadyLoggedIn, "agent \(id) is already logged into all queues") }
        }
        guard !chosen.isEmpty else { throw ACDError(.notAMember, "no queues given for agent \(id)") }
        if !record.isLoggedIn {
            agents[agent].loginTime = now
            agents[agent].consecutiveMisses = 0
        }
        for index in chosen {
            agents[agent].memberships[index].loggedIn = true
            agents[agent].memberships[index].pauseReason = nil
        }
        refreshState(agent)
    }

    mutating func logout(_ id: AgentID, queues: [QueueID]?, into out: inout [ACDDecision]) throws(ACDError) {
        let agent = try agent(id)
        let chosen = try loggedInMemberships(of: agent, queues)
        for index in chosen {
            agents[agent].memberships[index].loggedIn = false
            agents[agent].memberships[index].pauseReason = nil
        }
        let left = Set(chosen.map { agents[agent].memberships[$0].queue })
        switch agents[agent].activity {
        case .offered(let callID):
            if let call = calls[callID], !agents[agent].isLoggedIn || left.contains(call.queue) {
                withdrawOffer(callID, from: agent, into: &out)
            }
        case .wrapUp:
            if !agents[agent].isLoggedIn { finishWrapUp(agent, into: &out) }
        case .idle, .onCall:
            break
        }
        refreshState(agent)
    }

    mutating func pause(_ id: AgentID, reason: String, queues: [QueueID]?) throws(ACDError) {
        let agent = try agent(id)
        for index in try loggedInMemberships(of: agent, queues) {
            agents[agent].memberships[index].pauseReason = reason
        }
        refreshState(agent)
    }

    mutating func unpause(_ id: AgentID, queues: [QueueID]?) throws(ACDError) {
        let agent = try agent(id)
        for index in try loggedInMemberships(of: agent, queues) {
            agents[agent].memberships[index].pauseReason = nil
        }
        agents[agent].consecutiveMisses = 0
        refreshState(agent)
    }

    mutating func ready(_ id: AgentID, into out: inout [ACDDecision]) throws(ACDError) {
        let agent = try agent(id)
        let chosen = try loggedInMemberships(of: agent, nil)
        if case .wrapUp = agents[agent].activity { finishWrapUp(agent, into: &out) }
        for index in chosen { agents[agent].memberships[index].pauseReason = nil }
        agents[agent].consecutiveMisses = 0
        refreshState(agent)
    }

    mutating func endWrapUpEarly(_ id: AgentID, into out: inout [ACDDecision]) throws(ACDError) {
        let agent = try agent(id)
        if case .wrapUp = agents[agent].activity { finishWrapUp(agent, into: &out) }
    }

    /// Ends wrap-up now and books the after-call work to the call's interval.
    mutating func finishWrapUp(_ agent: Int, into out: inout [ACDDecision]) {
        guard case .wrapUp(_, let queue, let arrival, let ended) = agents[agent].activity else { return }
        let work = now - ended
        queueStatistics.update(queue, at: arrival) { $0.wrapUpTime += work }
        agentStatistics.update(agent, at: arrival) { $0.wrapUpTime += work }
        agents[agent].activity = .idle
        out.append(.wrapUpEnded(agents[agent].config.id))
        refreshState(agent)
    }

    /// Counts a missed offer and auto-pauses after the queue's limit.
    mutating func recordMiss(_ agent: Int, queue: Int, into out: inout [ACDDecision]) {
        agents[agent].consecutiveMisses += 1
        agentStatistics.update(agent, at: now) { $0.missedOffers += 1 }
        let config = queues[queue].config
        guard config.autoPause != .no, agents[agent].consecutiveMisses >= config.autoPauseAfterMisses else { return }
        let reason = "no answer"
        var paused: [QueueID] = []
        for index in agents[agent].memberships.indices {
            let membership = agents[agent].memberships[index]
            guard membership.loggedIn, config.autoPause == .all || membership.queue == queue else { continue }
            agents[agent].memberships[index].pauseReason = reason
            paused.append(queues[membership.queue].config.id)
        }
        agents[agent].consecutiveMisses = 0
        if !paused.isEmpty { out.append(.autoPause(agents[agent].config.id, queues: paused, reason: reason)) }
        refreshState(agent)
    }
}
