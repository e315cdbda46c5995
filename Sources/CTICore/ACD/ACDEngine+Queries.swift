/// Real-time state and statistics for wallboards and reports.
extension ACDEngine {
    /// The instant of the latest event.
    public var currentInstant: ACDInstant { ACDInstant(seconds: now) }

    /// The earliest pending timer: tick the engine then (the same instant the last
    /// ``ACDDecision/scheduleTimer(at:)`` named, or nil when nothing is pending).
    public var nextTimer: ACDInstant? { nextDeadline.map { ACDInstant(seconds: $0) } }

    /// An agent's state, or nil for an unknown agent.
    public func state(of agent: AgentID) -> AgentState? {
        agentIndex[agent].map { agents[$0].state }
    }

    /// Callers in a queue in service order (nil for an unknown queue).
    public func waitingCalls(in queue: QueueID) -> [WaitingCall]? {
        guard let index = queueIndex[queue] else { return nil }
        let ordered = queues[index].calls.compactMap { calls[$0] }.sorted { serviceKey($0) < serviceKey($1) }
        return ordered.enumerated().map { offset, call in
            WaitingCall(
                id: call.id, position: offset + 1, enqueuedAt: ACDInstant(seconds: call.enqueuedAt),
                enteredQueueAt: ACDInstant(seconds: call.enteredAt), wait: now - call.enteredAt,
                effectivePriority: effectivePriority(call), isRinging: call.isRinging, isCallback: call.isCallback)
        }
    }

    /// Live counts for one queue (nil for an unknown queue).
    public func snapshot(of queue: QueueID) -> QueueSnapshot? {
        guard let index = queueIndex[queue], let waiting = waitingCalls(in: queue) else { return nil }
        var byState: [AgentStateKind: Int] = [:]
        for member in queues[index].members {
            let agent = agents[member.agent]
            let membership = agent.memberships[member.membership]
            guard membership.loggedIn else { continue }
            let kind: AgentStateKind = agent.activity == .idle && membership.pauseReason != nil ? .paused : agent.state.kind
            byState[kind, default: 0] += 1
        }
        return QueueSnapshot(
            queue: queue, waiting: waiting.count { !$0.isCallback }, callbacksWaiting: waiting.count(where: \.isCallback),
            longestWait: waiting.map(\.wait).max(), agents: byState)
    }

    /// One queue's figures for the interval holding `instant` (empty when nothing happened).
    public func statistics(ofQueue queue: QueueID, intervalContaining instant: ACDInstant) -> QueueStatistics? {
        queueIndex[queue].map { queueStatistics.value($0, intervalStartingAt: instant.seconds) }
    }

    /// One queue's figures per interval, oldest first.
    public func intervals(ofQueue queue: QueueID) -> [(start: ACDInstant, statistics: QueueStatistics)]? {
        queueIndex[queue].map { index in
            queueStatistics.intervals(of: index).map { (ACDInstant(seconds: $0.start), $0.value) }
        }
    }

    /// One queue's figures over every interval starting in [from, to).
    public func statistics(ofQueue queue: QueueID, from: ACDInstant = ACDInstant(seconds: -.infinity), to: ACDInstant = ACDInstant(seconds: .infinity)) -> QueueStatistics? {
        intervals(ofQueue: queue).map { intervals in
            var total = QueueStatistics()
            for interval in intervals where interval.start >= from && interval.start < to { total.add(interval.statistics) }
            return total
        }
    }

    /// One agent's figures per interval, oldest first, with the current state counted up to now.
    public func intervals(ofAgent agent: AgentID) -> [(start: ACDInstant, statistics: AgentStatistics)]? {
        guard let index = agentIndex[agent] else { return nil }
        var table = agentStatistics
        let record = agents[index]
        Self.split(from: record.stateSince, to: now, length: table.length) { start, seconds in
            table.update(index, at: start) { Self.book(record.state, seconds, into: &$0) }
        }
        return table.intervals(of: index).map { (ACDInstant(seconds: $0.start), $0.value) }
    }

    /// One agent's figures over every interval starting in [from, to), current state up to now.
    public func statistics(ofAgent agent: AgentID, from: ACDInstant = ACDInstant(seconds: -.infinity), to: ACDInstant = ACDInstant(seconds: .infinity)) -> AgentStatistics? {
        intervals(ofAgent: agent).map { intervals in
            var total = AgentStatistics()
            for interval in intervals where interval.start >= from && interval.start < to { total.add(interval.statistics) }
            return total
        }
    }
}
