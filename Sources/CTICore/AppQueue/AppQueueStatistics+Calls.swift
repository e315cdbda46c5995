/// How app_queue's caller and agent events move calls and count them (see ``AppQueueStatistics``).
extension AppQueueStatistics {
    mutating func join(_ id: String, queue: Int) {
        if let existing = callers[id] {
            if existing.queue == queue, existing.connected == nil, !existing.left { return }  // a duplicate
            if existing.connected == nil { overflow(id) }  // moved on to another queue
        }
        callers[id] = Caller(queue: queue, arrival: now)
        queueStatistics.update(queue, at: now) { $0.offered += 1 }
    }

    mutating func leave(_ id: String) {
        guard var caller = callers[id], caller.connected == nil else { return }
        if caller.ringing.isEmpty {
            overflow(id)
        } else {
            caller.left = true
            callers[id] = caller
        }
    }

    /// Counts a caller who left unanswered without hanging up, and forgets them.
    mutating func overflow(_ id: String) {
        guard let caller = callers.removeValue(forKey: id) else { return }
        stopRinging(caller.ringing, for: id)
        queueStatistics.update(caller.queue, at: caller.arrival) { $0.overflowed += 1 }
    }

    mutating func abandon(_ id: String, queue: Int, hold: Double) {
        if callers[id] == nil { arrive(id, queue: queue, waited: hold) }
        guard let caller = callers[id], caller.connected == nil else { return }
        callers[id] = nil
        stopRinging(caller.ringing, for: id)
        let wait = now - caller.arrival
        let settings = configuration.queue(name(ofQueue: caller.queue))
        queueStatistics.update(caller.queue, at: caller.arrival) {
            $0.abandoned += 1
            $0.abandonedWaitTime += wait
            if wait <= settings.serviceLevelThreshold { $0.abandonedWithinThreshold += 1 }
            if wait < settings.shortAbandonThreshold { $0.shortAbandons += 1 }
        }
    }

    mutating func ring(_ leg: AgentLegInfo) {
        let agent = self.agent(leg.memberName)
        let id = knownCaller(leg, waited: 0)
        switch agents[agent].activity {
        case .onCall: return  // rung while busy (ringinuse): the call goes on
        case .wrapUp: finishWrapUp(agent)
        case .offered(let other) where other != id: callers[other]?.ringing.remove(agent)
        default: break
        }
        callers[id]?.ringing.insert(agent)
        agents[agent].activity = .offered(id)
        refreshState(agent)
    }

    mutating func miss(_ leg: AgentLegInfo) {
        let agent = self.agent(leg.memberName)
        let id = leg.callerUniqueID
        agentStatistics.update(agent, at: now) { $0.missedOffers += 1 }
        if agents[agent].activity == .offered(id) {
            agents[agent].activity = .idle
            refreshState(agent)
        }
        guard var caller = callers[id] else { return }
        caller.ringing.remove(agent)
        callers[id] = caller
        if caller.left, caller.connected == nil, caller.ringing.isEmpty { overflow(id) }
    }

    mutating func answer(_ id: String, by agent: Int, at time: Double? = nil) {
        guard var caller = callers[id], caller.connected == nil else { return }
        let connectedAt = time ?? now
        stopRinging(caller.ringing.subtracting([agent]), for: id)
        caller.ringing = []
        caller.left = false
        caller.connected = (agent, connectedAt)
        callers[id] = caller
        if case .wrapUp = agents[agent].activity { finishWrapUp(agent) }
        agents[agent].activity = .onCall(id)
        refreshState(agent)
        let wait = max(0, connectedAt - caller.arrival)
        let threshold = configuration.queue(name(ofQueue: caller.queue)).serviceLevelThreshold
        queueStatistics.update(caller.queue, at: caller.arrival) {
            $0.answered += 1
            $0.answeredWaitTime += wait
            $0.longestAnsweredWait = max($0.longestAnsweredWait, wait)
            if wait <= threshold { $0.answeredWithinThreshold += 1 }
        }
    }

    mutating func complete(_ leg: AgentLegInfo, waited hold: Double, talk reported: Double, transferred: Bool) {
        let agent = self.agent(leg.memberName)
        let id = leg.callerUniqueID
        if callers[id]?.connected == nil {
            // The connect (or the whole call) was missed: take Asterisk's whole seconds.
            _ = knownCaller(leg, waited: hold + reported)
            answer(id, by: agent, at: now - reported)
        }
        guard let caller = callers.removeValue(forKey: id), let connected = caller.connected else { return }
        let onHold = caller.hold + (caller.heldSince.map { max(0, now - $0) } ?? 0)
        let talk = max(0, now - connected.at - onHold)
        queueStatistics.update(caller.queue, at: caller.arrival) {
            $0.handled += 1
            $0.talkTime += talk
            $0.holdTime += onHold
            if transferred { $0.transferred += 1 }
        }
        agentStatistics.update(connected.agent, at: caller.arrival) {
            $0.handled += 1
            $0.talkTime += talk
            $0.holdTime += onHold
        }
        guard agents[connected.agent].activity == .onCall(id) else { return }
        let queueName = name(ofQueue: caller.queue)
        let own = agents[connected.agent].memberships[queueName]?.wrapUpSeconds ?? 0
        let wrapUp = own > 0 ? Double(own) : configuration.queue(queueName).wrapUp
        if wrapUp > 0, !agents[connected.agent].memberships.isEmpty {
            agents[connected.agent].activity = .wrapUp(until: now + wrapUp, queue: caller.queue, arrival: caller.arrival, ended: now)
            wrapping.insert(connected.agent)
        } else {
            agents[connected.agent].activity = .idle
        }
        refreshState(connected.agent)
    }

    /// The caller an `Agent*` event names; one not seen joining arrives now, `waited` seconds ago.
    mutating func knownCaller(_ leg: AgentLegInfo, waited: Double) -> String {
        if callers[leg.callerUniqueID] == nil { arrive(leg.callerUniqueID, queue: queue(leg.queue), waited: waited) }
        return leg.callerUniqueID
    }

    /// A caller whose join was missed: offered in the interval of their reconstructed arrival.
    mutating func arrive(_ id: String, queue: Int, waited: Double) {
        let arrival = now - max(0, waited)
        callers[id] = Caller(queue: queue, arrival: arrival)
        queueStatistics.update(queue, at: arrival) { $0.offered += 1 }
    }

    /// Agents no longer rung for `id` (a colleague answered, the caller left): back to idle, not a miss.
    mutating func stopRinging(_ ringing: Set<Int>, for id: String) {
        for agent in ringing.sorted() where agents[agent].activity == .offered(id) {
            agents[agent].activity = .idle
            refreshState(agent)
        }
    }
}
