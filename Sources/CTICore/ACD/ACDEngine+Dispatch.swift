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
            (lhs.preference, lhs.tier, lhs.metric, lhs.idleSince, lhs.loginTime, lhs.id)
                < (rhs.preference, rhs.tier, rhs.metric, rhs.idleSince, rhs.loginTime, rhs.id)
        }
    }

    /// Offers waiting callers, best first, to the members their queues' strategies pick.
    mutating func dispatch(into out: inout [ACDDecision]) {
        guard agents.contains(where: { $0.activity == .idle && $0.isLoggedIn }) else { return }
        var waiting: [(key: ServiceKey, id: CallID)] = []
        for queue in queues {
            for id in queue.calls {
                guard let call = calls[id], call.phase == .waiting, call.stepIndex >= 0 else { continue }
                waiting.append((serviceKey(call), id))
            }
        }
        guard !waiting.isEmpty else { return }
        waiting.sort { $0.key < $1.key }
        for (_, id) in waiting {
            guard let call = calls[id] else { continue }
            let chosen = choose(for: call)
            if !chosen.isEmpty { offer(id, to: chosen, into: &out) }
            if !agents.contains(where: { $0.activity == .idle && $0.isLoggedIn }) { return }
        }
    }

    /// The member(s) to ring for this caller: the best-ranked one, or the whole best tier for ringall.
    mutating func choose(for call: CallRecord) -> [Int] {
        let eligible = eligibleMembers(for: call)
        guard !eligible.isEmpty else { return [] }
        let queue = queues[call.queue]
        let strategy = queue.config.strategy
        let day = Int((now / 86_400).rounded(.down))
        var ranked: [(rank: MemberRank, agent: Int)] = []
        ranked.reserveCapacity(eligible.count)
        for member in eligible {
            let agent = agents[member.agent]
            let membership = agent.memberships[member.membership]
            var tier = membership.penalty
            let metric: Double
            switch strategy {
            case .ringAll:
                metric = 0
            case .leastRecent:
                // app_queue: 10⁶ − seconds since the last call; never called = 0 (first).
                metric = agent.lastCallEnd.map { max(1, 1_000_000 - (now - $0)) } ?? 0
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
                idleSince: agent.idleSince, loginTime: agent.loginTime ?? 0, id: agent.config.id)
            ranked.append((rank, member.agent))
        }
        ranked.sort { $0.rank < $1.rank }
        guard strategy == .ringAll else { return [ranked[0].agent] }
        let best = ranked[0].rank
        return ranked.filter { $0.rank.preference == best.preference && $0.rank.tier == best.tier }.map(\.agent)
    }

    /// Position metric for rrmemory and linear: positions from `start` on come first, in order.
    static func rotated(_ position: Int, from start: Int, count: Int) -> Double {
        Double(position >= start ? position : count + position)
    }

    /// Rings `chosen` for the call.
    mutating func offer(_ id: CallID, to chosen: [Int], into out: inout [ACDDecision]) {
        guard var call = calls[id] else { return }
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
        calls[id] = call
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
        for queue in queues.indices where !queues[queue].calls.isEmpty {
            let config = queues[queue].config
            if let rule = config.overflow, rule.whenNoAgentsLoggedIn, let target = queues[queue].overflowTarget,
                !hasLoggedInMember(queue)
            {
                for id in queues[queue].calls { overflow(id, to: target, into: &out) }
                continue
            }
            guard !config.leaveWhenEmpty.isEmpty else { continue }
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
