import CTICore

/// What a wallboard shows, read from the ACD in one step.
public struct ACDBoardReading: Sendable {
    /// One queue's live snapshot and its statistics for the current interval.
    public struct Queue: Sendable {
        public var snapshot: QueueSnapshot
        public var statistics: QueueStatistics
    }

    /// The queues asked for, in order; unknown ones are left out.
    public var queues: [Queue]
    /// The agents' states, in the order asked for; nil for an unknown agent.
    public var agentStates: [AgentState?]
}

extension ACDController {
    /// Every queue's snapshot and statistics and every agent's state in one call: a wallboard of
    /// 2,000 agents asking one by one would enter this actor 2,000 times a second, and each entry
    /// queues in front of the calls' own work.
    public func board(queues: [QueueID], agents: [AgentID]) -> ACDBoardReading {
        ACDBoardReading(
            queues: queues.compactMap { queue in
                engine.snapshot(of: queue).map {
                    ACDBoardReading.Queue(snapshot: $0, statistics: engine.statistics(ofQueue: queue) ?? QueueStatistics())
                }
            },
            agentStates: agents.map { engine.state(of: $0) })
    }
}
