/// Where a waiting caller stands: routing steps, penalty range, priority, who may take them.
extension ACDEngine {
    /// Service order: higher effective priority first, then earlier enqueue time, then id.
    struct ServiceKey: Comparable {
        var priority: Int
        var enqueuedAt: Double
        var id: CallID

        static func < (lhs: ServiceKey, rhs: ServiceKey) -> Bool {
            if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
            if lhs.enqueuedAt != rhs.enqueuedAt { return lhs.enqueuedAt < rhs.enqueuedAt }
            return lhs.id < rhs.id
        }
    }

    func serviceKey(_ call: CallRecord) -> ServiceKey {
        ServiceKey(priority: effectivePriority(call), enqueuedAt: call.enqueuedAt, id: call.id)
    }

    func effectivePriority(_ call: CallRecord) -> Int {
        aged(call.basePriority + call.stepPriorityBoost, enqueuedAt: call.enqueuedAt, queue: call.queue)
    }

    func effectivePriority(_ caller: CallSummary) -> Int {
        aged(caller.priority, enqueuedAt: caller.enqueuedAt, queue: caller.queue)
    }

    /// base + step boost + ⌊wait / aging interval⌋ · aging step, the wait counted from the enqueue time.
    private func aged(_ priority: Int, enqueuedAt: Double, queue: Int) -> Int {
        guard let aging = queues[queue].config.aging, aging.interval > 0 else { return priority }
        return priority + Int(((now - enqueuedAt) / aging.interval).rounded(.down)) * aging.step
    }

    func penaltyRange(_ call: CallRecord) -> (minimum: Int?, maximum: Int?) { penaltyRange(CallSummary(call)) }

    /// Allowed member penalties now: the call's own range, moved by the queue's penalty rules,
    /// overridden by the step in force.
    func penaltyRange(_ caller: CallSummary) -> (minimum: Int?, maximum: Int?) {
        var minimum = caller.minimumPenalty
        var maximum = caller.maximumPenalty
        for rule in queues[caller.queue].penaltyRules where caller.enteredAt + rule.after <= now {
            if let change = rule.maximum { maximum = change.apply(to: maximum) }
            if let change = rule.minimum { minimum = change.apply(to: minimum) }
        }
        if let value = caller.stepMinimumPenalty { minimum = value }
        if let value = caller.stepMaximumPenalty { maximum = value }
        return (minimum, maximum)
    }

    static func allows(_ range: (minimum: Int?, maximum: Int?), _ penalty: Int) -> Bool {
        (range.minimum.map { penalty >= $0 } ?? true) && (range.maximum.map { penalty <= $0 } ?? true)
    }

    func hasLoggedInMember(_ queue: Int) -> Bool {
        queues[queue].members.contains { agents[$0.agent].memberships[$0.membership].loggedIn }
    }

    /// app_queue's empty test: is some member outside every listed condition? An empty list
    /// always says yes; a queue without members always says no.
    func hasUsableMember(_ queue: Int, for call: CallRecord, unless conditions: Set<MemberCondition>) -> Bool {
        guard !conditions.isEmpty else { return true }
        let range = penaltyRange(call)
        return queues[queue].members.contains { member in
            let agent = agents[member.agent]
            let membership = agent.memberships[member.membership]
            if conditions.contains(.unavailable), !membership.loggedIn { return false }
            if conditions.contains(.paused), membership.loggedIn, membership.pauseReason != nil { return false }
            if conditions.contains(.penalty), !Self.allows(range, membership.penalty) { return false }
            switch agent.activity {
            case .offered, .onCall: if conditions.contains(.inUse) { return false }
            case .wrapUp: if conditions.contains(.wrapUp) { return false }
            case .idle: break
            }
            return true
        }
    }

    /// Members who could take the call in `slot` now, before the strategy ranks them, in member
    /// order, into `eligible` (emptied first). Only idle available members can qualify, so only
    /// those are looked at; with `freshOnly`, only the ``freshAgents`` among them (found from the
    /// fresh agents' side when they are fewer than the queue's idle available members).
    ///
    /// Reads the call's ``CallSummary``; the record only for more than two skill needs or a
    /// preferred-agents-only step.
    func eligibleMembers(slot: Int, freshOnly: Bool = false, into eligible: inout [(agent: Int, membership: Int)]) {
        eligible.removeAll(keepingCapacity: true)
        guard let caller = calls[summary: slot], caller.hasStep else { return }
        let queue = caller.queue
        let range = penaltyRange(caller)
        func qualifies(_ member: (agent: Int, membership: Int)) -> Bool {
            guard case .idle = agents[member.agent].activity,
                agents[member.agent].memberships[member.membership].isAvailable,
                Self.allows(range, agents[member.agent].memberships[member.membership].penalty),
                meets(member.agent, caller, slot: slot)
            else { return false }
            if caller.preferredOnly, calls[slot: slot]?.preferred.contains(member.agent) != true { return false }
            return !heldByHeavierQueue(member.agent, for: queue)
        }
        if freshOnly, freshAgents.list.count < queues[queue].availableIdle {
            for agent in freshAgents.list {
                guard let membership = agents[agent].membership(of: queue), qualifies((agent, membership)) else { continue }
                // In member order, as from the queue's side (an insertion: there are few).
                let position = agents[agent].memberships[membership].position
                var index = eligible.count
                while index > 0, agents[eligible[index - 1].agent].memberships[eligible[index - 1].membership].position > position {
                    index -= 1
                }
                eligible.insert((agent, membership), at: index)
            }
            return
        }
        for position in queues[queue].availablePositions {
            let member = queues[queue].members[position]
            if freshOnly, !freshAgents.contains(member.agent) { continue }
            if qualifies(member) { eligible.append(member) }
        }
    }

    /// Queue weight: the agent is kept for a heavier queue of theirs while it has at least as many
    /// waiting callers as available members.
    func heldByHeavierQueue(_ agent: Int, for queue: Int) -> Bool {
        let weight = queues[queue].config.weight
        for membership in agents[agent].memberships where membership.loggedIn && membership.queue != queue {
            let heavier = membership.queue
            guard queues[heavier].config.weight > weight, !queues[heavier].calls.isEmpty else { continue }
            if queues[heavier].calls.count >= queues[heavier].availableIdle { return true }
        }
        return false
    }

    /// Brings a waiting call's routing steps and overflow timer up to now; may move the call
    /// (overflow), release it (callback) or end it (voicemail).
    mutating func refreshCall(_ id: CallID, into out: inout [ACDDecision]) {
        guard var call = calls[id], call.phase == .waiting else { return }
        var action: RoutingStep.TimeoutAction?
        steps: while true {
            if call.stepIndex < 0 {
                let start = call.enteredAt + call.plan.steps[0].after
                guard start <= now else { break }
                call.stepIndex = 0
                call.stepStartedAt = start
                continue
            }
            let step = call.plan.steps[call.stepIndex]
            let hasNext = call.stepIndex + 1 < call.plan.steps.count
            if let timeout = step.timeout {
                let end = call.stepStartedAt + timeout
                guard end <= now else { break }
                switch step.onTimeout {
                case .next:
                    guard hasNext else { break steps }
                    let start = max(end, call.enteredAt + call.plan.steps[call.stepIndex + 1].after)
                    guard start <= now else { break steps }
                    call.stepIndex += 1
                    call.stepStartedAt = start
                case .callback where call.isCallback:
                    break steps
                case .overflow, .callback, .voicemail:
                    action = step.onTimeout
                    break steps
                }
            } else {
                guard hasNext else { break }
                let start = call.enteredAt + call.plan.steps[call.stepIndex + 1].after
                guard start <= now else { break }
                call.stepIndex += 1
                call.stepStartedAt = max(start, call.stepStartedAt)
            }
        }
        calls[id] = call
        let queue = queues[call.queue]
        switch action {
        case .overflow(let target)?:
            if let target = queueIndex[target] { overflow(id, to: target, into: &out) }
        case .callback?:
            makeCallback(id, number: call.callerNumber)
            out.append(.convertToCallback(id, queue: queue.config.id))
        case .voicemail?:
            queueStatistics.update(call.queue, at: call.enteredAt) { $0.voicemail += 1 }
            remove(id)
            out.append(.voicemail(id, queue: queue.config.id))
        case .next?, nil:
            if let after = queue.config.overflow?.after, call.enteredAt + after <= now,
                let target = queue.overflowTarget
            {
                overflow(id, to: target, into: &out)
            }
        }
    }

    /// The earliest instant at which ``refreshCall(_:into:)`` would change this waiting call or
    /// act on it (a step starting, a step's timeout action, the queue's overflow); infinity when
    /// it never would. Unlike ``nextChange(of:)`` it may lie in the past, and it does not depend on now.
    func refreshDue(of call: CallRecord) -> Double {
        var due = Double.infinity
        if call.stepIndex < 0 {
            due = call.enteredAt + call.plan.steps[0].after
        } else {
            let step = call.plan.steps[call.stepIndex]
            let hasNext = call.stepIndex + 1 < call.plan.steps.count
            if let timeout = step.timeout {
                let end = call.stepStartedAt + timeout
                switch step.onTimeout {
                case .next: if hasNext { due = max(end, call.enteredAt + call.plan.steps[call.stepIndex + 1].after) }
                case .callback where call.isCallback: break
                case .overflow, .callback, .voicemail: due = end
                }
            } else if hasNext {
                due = call.enteredAt + call.plan.steps[call.stepIndex + 1].after
            }
        }
        if let after = queues[call.queue].config.overflow?.after, queues[call.queue].overflowTarget != nil,
            call.overflowHops < Self.overflowHopLimit
        {
            due = min(due, call.enteredAt + after)
        }
        return due
    }

    /// When something about this waiting call changes next (step, penalty rule, overflow), if ever.
    func nextChange(of call: CallRecord) -> Double? {
        var best = Double.infinity
        if call.stepIndex < 0 {
            best = call.enteredAt + call.plan.steps[0].after
        } else {
            let step = call.plan.steps[call.stepIndex]
            let hasNext = call.stepIndex + 1 < call.plan.steps.count
            if let timeout = step.timeout {
                let end = call.stepStartedAt + timeout
                if end > now {
                    best = end
                } else if step.onTimeout == .next, hasNext {
                    best = max(end, call.enteredAt + call.plan.steps[call.stepIndex + 1].after)
                }
            } else if hasNext {
                best = call.enteredAt + call.plan.steps[call.stepIndex + 1].after
            }
        }
        let queue = queues[call.queue]
        if let rule = queue.penaltyRules.first(where: { call.enteredAt + $0.after > now }) {
            best = min(best, call.enteredAt + rule.after)
        }
        if let after = queue.config.overflow?.after, call.enteredAt + after > now, call.overflowHops < Self.overflowHopLimit {
            best = min(best, call.enteredAt + after)
        }
        return best.isFinite && best > now ? best : nil
    }
}
