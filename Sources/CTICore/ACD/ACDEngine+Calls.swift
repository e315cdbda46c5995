/// Call events: arrival, abandon, callback, answer, miss, end; and moves between queues.
extension ACDEngine {
    /// Overflows allowed per call before the engine stops passing it on.
    static let overflowHopLimit = 16

    mutating func arrive(_ arrival: CallArrival, into out: inout [ACDDecision]) throws(ACDError) {
        let queue = try queue(arrival.queue)
        guard calls[arrival.id] == nil else { throw ACDError(.duplicateCall, "call \(arrival.id) is already in the engine") }
        var preferred: [Int] = []
        for id in arrival.preferredAgents { preferred.append(try agent(id)) }
        let direct: Int?
        if let id = arrival.directAgent {
            let index = try agent(id)
            if !preferred.contains(index) { preferred.append(index) }
            direct = index
        } else {
            direct = nil
        }
        if queues[queue].config.stickyAgent, let number = arrival.callerNumber, let last = lastAgentByCaller[number],
            !preferred.contains(last)
        {
            preferred.append(last)
        }
        let plan = CallPlan(callerNumber: arrival.callerNumber, needs: intern(arrival.skills), customSteps: arrival.routingSteps)
        let call = CallRecord(
            id: arrival.id, queue: queue, basePriority: arrival.priority, enqueuedAt: now, enteredAt: now, plan: plan,
            preferred: preferred, minimumPenalty: arrival.minimumPenalty, maximumPenalty: arrival.maximumPenalty)
        join(call, queue: queue, into: &out)
        if let direct, let joined = calls[arrival.id], joined.phase == .waiting, joined.queue == queue,
            directOfferRefusal(of: direct, in: queue) == nil
        {
            offer(arrival.id, to: [direct], into: &out)
        }
    }

    /// Puts `call` into `queue` now (first arrival or overflow), or refuses it.
    mutating func join(_ arriving: CallRecord, queue: Int, into out: inout [ACDDecision]) {
        var call = arriving
        let config = queues[queue].config
        call.queue = queue
        call.enteredAt = now
        call.phase = .waiting
        call.linearPosition = 0
        call.stepIndex = -1
        if call.overflowHops == 0, let custom = call.plan.customSteps {
            let steps = custom.isEmpty ? [RoutingStep()] : custom
            call.plan = call.plan.routed(steps: steps, stepNeeds: intern(steps: steps))
        } else {
            let steps = config.routingSteps.isEmpty ? [RoutingStep()] : config.routingSteps
            call.plan = call.plan.routed(steps: steps, stepNeeds: queues[queue].stepNeeds)
        }

        if let overflow = config.overflow, overflow.whenNoAgentsLoggedIn, let target = queues[queue].overflowTarget,
            !hasLoggedInMember(queue), call.overflowHops < Self.overflowHopLimit
        {
            queueStatistics.update(queue, at: now) {
                $0.offered += 1
                $0.overflowed += 1
            }
            out.append(.overflow(call.id, from: config.id, to: queues[target].config.id))
            call.overflowHops += 1
            join(call, queue: target, into: &out)
            return
        }
        // A callback has no caller on the line to turn away: it keeps its promise.
        var refusal: JoinRefusal?
        if !call.isCallback, let limit = config.maxLength, queues[queue].calls.count >= limit {
            refusal = .full
        } else if !call.isCallback, !hasUsableMember(queue, for: call, unless: config.joinEmpty) {
            refusal = .empty
        }
        if let refusal {
            calls[call.id] = nil
            queueStatistics.update(queue, at: now) { $0.refused += 1 }
            out.append(.joinRefused(call.id, queue: config.id, reason: refusal))
            return
        }
        calls[call.id] = call
        if let slot = calls.slot(of: call.id) { queues[queue].appendCall(call.id, slot: slot) }
        queueStatistics.update(queue, at: now) { $0.offered += 1 }
        refreshCall(call.id, into: &out)
        if calls[call.id]?.queue == queue, let position = position(of: call.id) {
            out.append(.queued(call.id, queue: config.id, position: position))
        }
    }

    mutating func abandon(_ id: CallID, into out: inout [ACDDecision]) throws(ACDError) {
        let call = try call(id)
        if case .connected = call.phase { throw ACDError(.invalidState, "call \(id) is connected: it ends with callEnded") }
        if call.isCallback { throw ACDError(.invalidState, "call \(id) awaits a callback: no caller is on the line") }
        cancelRinging(id, into: &out)
        let wait = now - call.enteredAt
        let config = queues[call.queue].config
        queueStatistics.update(call.queue, at: call.enteredAt) {
            $0.abandoned += 1
            $0.abandonedWaitTime += wait
            if wait <= config.serviceLevelThreshold { $0.abandonedWithinThreshold += 1 }
            if wait < config.shortAbandonThreshold { $0.shortAbandons += 1 }
        }
        remove(id)
    }

    mutating func requestCallback(_ id: CallID, number: String?, into out: inout [ACDDecision]) throws(ACDError) {
        let call = try call(id)
        if case .connected = call.phase { throw ACDError(.invalidState, "call \(id) is already connected") }
        guard !call.isCallback else { return }
        cancelRinging(id, into: &out)
        makeCallback(id, number: number ?? call.callerNumber)
    }

    /// Turns a waiting call into a callback that keeps its place.
    mutating func makeCallback(_ id: CallID, number: String?) {
        guard var call = calls[id] else { return }
        call.isCallback = true
        call.callbackNumber = number
        calls[id] = call
        queueStatistics.update(call.queue, at: call.enteredAt) { $0.callbacks += 1 }
    }

    mutating func answer(_ id: CallID, agent agentID: AgentID, into out: inout [ACDDecision]) throws(ACDError) {
        let agent = try agent(agentID)
        var call = try call(id)
        guard case .ringing(let ringing, _) = call.phase, ringing.contains(agent) else {
            throw ACDError(.invalidState, "call \(id) is not ringing agent \(agentID)")
        }
        let others = ringing.filter { $0 != agent }
        if !others.isEmpty { out.append(.cancelOffers(id, agents: others.map { agents[$0].config.id })) }
        for other in others {
            agents[other].activity = .idle
            refreshState(other)
        }
        call.phase = .connected(agent: agent, at: now)
        calls[id] = call
        queues[call.queue].removeCall(id)
        agents[agent].activity = .onCall(id)
        agents[agent].consecutiveMisses = 0
        refreshState(agent)

        let wait = now - call.enteredAt
        let config = queues[call.queue].config
        queueStatistics.update(call.queue, at: call.enteredAt) {
            if call.isCallback {
                $0.callbacksHandled += 1
            } else {
                $0.answered += 1
                $0.answeredWaitTime += wait
                $0.longestAnsweredWait = max($0.longestAnsweredWait, wait)
                if wait <= config.serviceLevelThreshold { $0.answeredWithinThreshold += 1 }
            }
        }
        if let number = call.callerNumber { lastAgentByCaller[number] = agent }
        if call.isCallback {
            out.append(.dialCallback(id, agent: agentID, number: call.callbackNumber))
        } else {
            out.append(.connect(id, agent: agentID, queue: config.id))
        }
    }

    mutating func notAnswered(_ id: CallID, agent agentID: AgentID, into out: inout [ACDDecision]) throws(ACDError) {
        let agent = try agent(agentID)
        let call = try call(id)
        guard case .ringing(let ringing, _) = call.phase, ringing.contains(agent) else {
            throw ACDError(.invalidState, "call \(id) is not ringing agent \(agentID)")
        }
        withdrawOffer(id, from: agent, into: &out, announce: false)
        recordMiss(agent, queue: call.queue, into: &out)
    }

    mutating func end(_ id: CallID, hold: Double, transferred: Bool, into out: inout [ACDDecision]) throws(ACDError) {
        let call = try call(id)
        guard case .connected(let agent, let connectedAt) = call.phase else {
            throw ACDError(.invalidState, "call \(id) is not connected (a waiting caller who hangs up abandons)")
        }
        let hold = max(0, hold)
        let talk = max(0, now - connectedAt - hold)
        queueStatistics.update(call.queue, at: call.enteredAt) {
            $0.handled += 1
            $0.talkTime += talk
            $0.holdTime += hold
            if transferred { $0.transferred += 1 }
        }
        agentStatistics.update(agent, at: call.enteredAt) {
            $0.handled += 1
            $0.talkTime += talk
            $0.holdTime += hold
        }
        calls[id] = nil
        agents[agent].lastCallEnd = now
        if let membership = agents[agent].membership(of: call.queue) {
            let day = Int((now / 86_400).rounded(.down))
            let count = agents[agent].memberships[membership].completed(onDay: day)
            agents[agent].memberships[membership].completedDay = day
            agents[agent].memberships[membership].completedToday = count + 1
        }
        let wrapUp = queues[call.queue].config.wrapUp
        if wrapUp > 0, agents[agent].isLoggedIn {
            agents[agent].activity = .wrapUp(until: now + wrapUp, queue: call.queue, arrival: call.enteredAt, ended: now)
            out.append(.startWrapUp(agents[agent].config.id, queue: queues[call.queue].config.id, until: ACDInstant(seconds: now + wrapUp)))
        } else {
            agents[agent].activity = .idle
        }
        refreshState(agent)
    }

    // MARK: helpers

    /// Stops ringing every agent for the call (no miss) and puts it back to waiting.
    mutating func cancelRinging(_ id: CallID, into out: inout [ACDDecision]) {
        guard var call = calls[id], case .ringing(let ringing, _) = call.phase else { return }
        out.append(.cancelOffers(id, agents: ringing.map { agents[$0].config.id }))
        for agent in ringing {
            agents[agent].activity = .idle
            refreshState(agent)
        }
        call.phase = .waiting
        calls[id] = call
    }

    /// Stops ringing one agent; the call waits again when nobody rings any more.
    mutating func withdrawOffer(_ id: CallID, from agent: Int, into out: inout [ACDDecision], announce: Bool = true) {
        guard var call = calls[id], case .ringing(var ringing, let until) = call.phase else { return }
        ringing.removeAll { $0 == agent }
        call.phase = ringing.isEmpty ? .waiting : .ringing(agents: ringing, until: until)
        calls[id] = call
        if announce { out.append(.cancelOffers(id, agents: [agents[agent].config.id])) }
        agents[agent].activity = .idle
        refreshState(agent)
    }

    /// Takes a call out of its queue and the engine.
    mutating func remove(_ id: CallID) {
        guard let call = calls.removeValue(forKey: id) else { return }
        queues[call.queue].removeCall(id)
    }

    /// Moves a waiting call to another queue, keeping its enqueue time.
    mutating func overflow(_ id: CallID, to target: Int, into out: inout [ACDDecision]) {
        guard var call = calls[id], call.overflowHops < Self.overflowHopLimit else { return }
        cancelRinging(id, into: &out)
        let from = call.queue
        queueStatistics.update(from, at: call.enteredAt) { $0.overflowed += 1 }
        remove(id)
        out.append(.overflow(id, from: queues[from].config.id, to: queues[target].config.id))
        call.overflowHops += 1
        join(call, queue: target, into: &out)
    }

    /// 1-based place of a call in its queue's service order.
    func position(of id: CallID) -> Int? {
        guard let call = calls[id] else { return nil }
        let key = serviceKey(call)
        var ahead = 0
        for (other, slot) in zip(queues[call.queue].calls, queues[call.queue].callSlots) where other != id {
            if let other = calls[slot: slot], serviceKey(other) < key { ahead += 1 }
        }
        return 1 + ahead
    }
}
