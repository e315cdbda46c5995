/// Matching waiting callers with free agents, and the strategies' member ranking.
extension ACDEngine {
    /// A member's rank for one caller; lower ranks ring first.
    struct MemberRank: Comparable {
        /// 0 for the caller's preferred agents, 1 for the rest.
        var preference: Int
        /// The penalty tier (always 0 for wrandom, where the penalty widens the draw instead).
        var tier: Int
        var metric: Double
        /// Tie-breaks: longest idle, earlier login, name.
        var idleSince: Double
        var loginTime: Double
        var id: AgentID

        static func < (lhs: MemberRank, rhs: MemberRank) -> Bool {
            if lhs.preference != rhs.preference { return lhs.preference < rhs.preference }
            if lhs.tier != rhs.tier { return lhs.tier < rhs.tier }
            if lhs.metric != rhs.metric { return lhs.metric < rhs.metric }
            if lhs.idleSince != rhs.idleSince { return lhs.idleSince < rhs.idleSince }
            if lhs.loginTime != rhs.loginTime { return lhs.loginTime < rhs.loginTime }
            return lhs.id < rhs.id
        }
    }

    /// Offers waiting callers, best first, to the members their queues' strategies pick.
    ///
    /// Only callers who might have an eligible member are ranked; for the others the strategy
    /// would pick nobody (and draw no random numbers), so leaving them out changes nothing:
    /// - a queue with no idle available member has no eligible member (offers made here only take
    ///   members away);
    /// - after every dispatch no waiting caller has an eligible member (each was offered or had
    ///   none). A caller can only gain one when something changes: the call (written to `calls`),
    ///   a member becoming idle and available in its queue or logging in or out anywhere
    ///   (`syncAvailability`), a heavier queue sharing a member ceasing to hold members back, or a
    ///   penalty rule's time (`rangeChange`). Queues without such a change are skipped.
    ///
    /// Only the queues marked since the last dispatch are looked at (calls written, members'
    /// availability changed, penalty ranges whose time came), never all of them. A caller who was
    /// not written since the last dispatch, in a queue whose penalty ranges still hold, can only
    /// have gained one of the ``freshAgents`` (a call arriving or changing beside it gives it no
    /// member): only they are checked for it, and once none of them is idle any more such callers
    /// are passed over. Such callers are not even listed in a queue where no fresh agent is idle,
    /// available and free of heavier queues (``hasFreshCandidate(in:)``): offers made while
    /// dispatching only take agents away and make heavier queues hold theirs back more, so none
    /// could become one.
    mutating func dispatch(into out: inout [ACDDecision]) {
        rangeDue.removeAll(keepingCapacity: true)
        rangeHolds.take(dueAt: now, into: &rangeDue)
        defer { markDispatched() }
        var idle = idleAgents
        guard idle > 0 else { return }
        for heavier in heldQueues where !queues[heavier].holdsMembers {
            releaseHeldMembers(of: heavier)
        }
        // Slots, not ids: no call is removed or added while dispatching (offers only change the
        // offered call, which is not looked at again).
        var waiting = waitingScratch
        waitingScratch = []
        waiting.removeAll(keepingCapacity: true)
        forEachMarkedQueue { engine, queue in
            guard engine.queues[queue].availableIdle > 0, engine.hasChangedSinceDispatch(queue) else { return }
            let rangesHold = engine.queues[queue].rangesHoldUntil > engine.now
            var freshCandidate: Bool?
            for slot in engine.queues[queue].callSlots {
                guard let caller = engine.calls[summary: slot], caller.isRoutable else { continue }
                let freshOnly = rangesHold && !engine.calls.wasWrittenSinceDispatch(slot: slot)
                if freshOnly {
                    if freshCandidate == nil { freshCandidate = engine.hasFreshCandidate(in: queue) }
                    if freshCandidate == false { continue }
                }
                waiting.append(
                    WaitingEntry(
                        priority: engine.effectivePriority(caller), enqueuedAt: caller.enqueuedAt, slot: slot, freshOnly: freshOnly))
            }
        }
        defer { waitingScratch = waiting }
        guard !waiting.isEmpty else { return }
        waiting.sort { servedBefore($0, $1) }
        var eligible = eligibleScratch
        eligibleScratch = []
        defer { eligibleScratch = eligible }
        var freshIdle = 0
        for agent in freshAgents.list where agents[agent].activity == .idle { freshIdle += 1 }
        for entry in waiting {
            let (slot, freshOnly) = (entry.slot, entry.freshOnly)
            if freshOnly, freshIdle == 0 { continue }
            guard let queue = calls[summary: slot]?.queue, queues[queue].availableIdle > 0 else { continue }
            eligibleMembers(slot: slot, freshOnly: freshOnly, into: &eligible)
            guard !eligible.isEmpty, let call = calls[slot: slot] else { continue }
            let chosen = choose(for: call, among: eligible)
            guard !chosen.isEmpty else { continue }
            offer(call.id, slot: slot, to: chosen, into: &out)
            for agent in chosen where freshAgents.contains(agent) { freshIdle -= 1 }
            idle -= chosen.count
            if idle <= 0 { return }
        }
    }

    /// Whether one of the ``freshAgents`` is idle and available in the queue and not held back for
    /// a heavier queue: the only members a caller who did not change can have gained.
    func hasFreshCandidate(in queue: Int) -> Bool {
        func candidate(_ agent: Int, _ membership: Int) -> Bool {
            agents[agent].activity == .idle && agents[agent].memberships[membership].isAvailable
                && !heldByHeavierQueue(agent, for: queue)
        }
        if freshAgents.list.count < queues[queue].availableIdle {
            return freshAgents.list.contains { agent in agents[agent].membership(of: queue).map { candidate(agent, $0) } ?? false }
        }
        return queues[queue].availablePositions.contains { position in
            let member = queues[queue].members[position]
            return freshAgents.contains(member.agent) && candidate(member.agent, member.membership)
        }
    }

    /// Service order (``ServiceKey``) of two waiting callers: higher effective priority first,
    /// then earlier enqueue time, then id.
    func servedBefore(_ lhs: WaitingEntry, _ rhs: WaitingEntry) -> Bool {
        if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
        if lhs.enqueuedAt != rhs.enqueuedAt { return lhs.enqueuedAt < rhs.enqueuedAt }
        guard let left = calls[slot: lhs.slot]?.id, let right = calls[slot: rhs.slot]?.id else { return false }
        return left < right
    }

    /// Calls `body` once for each queue marked since the last dispatch: calls written, agents
    /// changed, penalty ranges due.
    private mutating func forEachMarkedQueue(_ body: (inout ACDEngine, Int) -> Void) {
        var seen = seenScratch
        seenScratch = QueueMarks(queues: 0)
        for queue in calls.touchedSinceDispatch.list { seen.mark(queue) }
        for queue in agentTouched.list { seen.mark(queue) }
        for queue in rangeDue { seen.mark(queue) }
        for queue in seen.list { body(&self, queue) }
        seen.removeAll()
        seenScratch = seen
    }

    /// Marks that `agent` may have become eligible in the queue since the last dispatch.
    mutating func markAgentChanged(_ queue: Int, by agent: Int) {
        queues[queue].agentChanged = true
        agentTouched.mark(queue)
        freshAgents.mark(agent)
    }

    /// The queue stopped holding its members back: its idle members may now be eligible in their
    /// lighter queues (only idle members can be).
    mutating func releaseHeldMembers(of heavier: Int) {
        let weight = queues[heavier].config.weight
        for member in queues[heavier].members where agents[member.agent].activity == .idle {
            for membership in agents[member.agent].memberships where queues[membership.queue].config.weight < weight {
                markAgentChanged(membership.queue, by: member.agent)
            }
        }
    }

    /// Whether the queue's calls, its agents or its callers' penalty ranges changed since the last dispatch.
    func hasChangedSinceDispatch(_ queue: Int) -> Bool {
        queues[queue].agentChanged || calls.hasChangedSinceDispatch(queue: queue) || queues[queue].rangesHoldUntil <= now
    }

    /// Remembers that every waiting caller has been looked at, and until when their penalty ranges
    /// hold (unchanged for a queue whose calls did not change and whose ranges still hold); only
    /// the queues marked since the last dispatch can have changed.
    mutating func markDispatched() {
        refreshTimes()
        var dropHeld = false
        forEachMarkedQueue { engine, queue in
            if engine.calls.hasChangedSinceDispatch(queue: queue) || engine.queues[queue].rangesHoldUntil <= engine.now {
                engine.queues[queue].rangesHoldUntil = engine.queues[queue].rangeChange
                engine.rangeHolds.set(queue, to: engine.queues[queue].rangeChange)
            }
            engine.queues[queue].agentChanged = false
            let was = engine.queues[queue].heldMembersAtDispatch
            let held = engine.queues[queue].config.weight > 0 && engine.queues[queue].holdsMembers
            engine.queues[queue].heldMembersAtDispatch = held
            if held, !was { engine.heldQueues.append(queue) }
            if was, !held { dropHeld = true }
        }
        if dropHeld { heldQueues.removeAll { !queues[$0].heldMembersAtDispatch } }
        agentTouched.removeAll()
        freshAgents.removeAll()
        calls.markDispatched()
    }

    /// The member(s) to ring for this caller among its eligible members: the best-ranked one, or
    /// the whole best tier for ringall.
    mutating func choose(for call: CallRecord, among eligible: [(agent: Int, membership: Int)]) -> [Int] {
        guard !eligible.isEmpty else { return [] }
        let queue = queues[call.queue]
        let strategy = queue.config.strategy
        let day = Int((now / 86_400).rounded(.down))
        // Ranks are computed in member order (the random strategies draw in that order); the
        // first of equal best ranks wins. Only ringall needs them all.
        var ranked: [(rank: MemberRank, agent: Int)] = []
        if strategy == .ringAll { ranked.reserveCapacity(eligible.count) }
        var best: (rank: MemberRank, agent: Int)?
        for member in eligible {
            let membership = agents[member.agent].memberships[member.membership]
            var tier = membership.penalty
            let metric: Double
            switch strategy {
            case .ringAll:
                metric = 0
            case .leastRecent:
                // app_queue: 10⁶ − seconds since the last call; never called = 0 (first).
                metric = agents[member.agent].lastCallEnd.map { max(1, 1_000_000 - (now - $0)) } ?? 0
            case .fewestCalls:
                metric = Double(membership.completed(onDay: day))
            case .random:
                metric = Double(generator.next() % 1000)
            case .weightedRandom:
                // app_queue: rand % ((1 + penalty) · 1000), and no penalty tier.
                metric = Double(generator.next() % (UInt64(1 + max(0, membership.penalty)) * 1000))
                tier = 0
            case .roundRobinMemory:
                metric = Self.rotated(membership.position, from: queue.roundRobinPosition, count: queue.members.count)
            case .linear:
                metric = Self.rotated(membership.position, from: call.linearPosition, count: queue.members.count)
            }
            let rank = MemberRank(
                preference: call.preferred.contains(member.agent) ? 0 : 1, tier: tier, metric: metric,
                idleSince: agents[member.agent].idleSince, loginTime: agents[member.agent].loginTime ?? 0,
                id: agents[member.agent].config.id)
            if strategy == .ringAll { ranked.append((rank, member.agent)) }
            if let current = best, !(rank < current.rank) { continue }
            best = (rank, member.agent)
        }
        guard let best else { return [] }
        guard strategy == .ringAll else { return [best.agent] }
        let top = best.rank
        return ranked.filter { $0.rank.preference == top.preference && $0.rank.tier == top.tier }
            .sorted { $0.rank < $1.rank }.map(\.agent)
    }

    /// Position metric for rrmemory and linear: positions from `start` on come first, in order.
    static func rotated(_ position: Int, from start: Int, count: Int) -> Double {
        Double(position >= start ? position : count + position)
    }

    /// Rings `chosen` for the call (found by `slot` when the caller knows it, else by id).
    mutating func offer(_ id: CallID, slot: Int? = nil, to chosen: [Int], into out: inout [ACDDecision]) {
        guard var call = slot.flatMap({ calls[slot: $0] }) ?? calls[id] else { return }
        let queue = call.queue
        let until = now + queues[queue].config.ringTimeout
        call.phase = .ringing(agents: chosen, until: until)
        if let first = chosen.first, let membership = agents[first].membership(of: queue) {
            let next = agents[first].memberships[membership].position + 1
            switch queues[queue].config.strategy {
            case .roundRobinMemory: queues[queue].roundRobinPosition = next
            case .linear: call.linearPosition = next
            default: break
            }
        }
        if let slot { calls[slot: slot] = call } else { calls[id] = call }
        for agent in chosen {
            agents[agent].activity = .offered(id)
            refreshState(agent)
        }
        out.append(
            .offer(
                .init(
                    call: id, queue: queues[queue].config.id, agents: chosen.map { agents[$0].config.id },
                    until: ACDInstant(seconds: until), isCallback: call.isCallback)))
    }

    /// Callers leaving or moving because their queue emptied.
    mutating func housekeeping(into out: inout [ACDDecision]) {
        for queue in housekeepingQueues where !queues[queue].calls.isEmpty {
            if let rule = queues[queue].config.overflow, rule.whenNoAgentsLoggedIn, let target = queues[queue].overflowTarget,
                !hasLoggedInMember(queue)
            {
                for id in queues[queue].calls { overflow(id, to: target, into: &out) }
                continue
            }
            guard !queues[queue].config.leaveWhenEmpty.isEmpty else { continue }
            let config = queues[queue].config
            for id in queues[queue].calls {
                guard let call = calls[id], call.phase == .waiting, !call.isCallback,
                    !hasUsableMember(queue, for: call, unless: config.leaveWhenEmpty)
                else { continue }
                queueStatistics.update(queue, at: call.enteredAt) { $0.leftEmpty += 1 }
                remove(id)
                out.append(.leaveEmpty(id, queue: config.id))
            }
        }
    }
}
