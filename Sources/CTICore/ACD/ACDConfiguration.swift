/// The engine's queues and agents, plus what statistics are kept.
public struct ACDConfiguration: Sendable, Hashable, Codable {
    /// Queues.
    public var queues: [QueueConfiguration]
    /// Agents; their order is each queue's member order.
    public var agents: [AgentConfiguration]
    /// Length of statistics intervals.
    public var interval: StatisticsInterval
    /// Seed for the random strategies, so a run can be replayed.
    public var randomSeed: UInt64

    /// A configuration.
    public init(
        queues: [QueueConfiguration], agents: [AgentConfiguration], interval: StatisticsInterval = .thirtyMinutes,
        randomSeed: UInt64 = 0x5EED
    ) {
        self.queues = queues
        self.agents = agents
        self.interval = interval
        self.randomSeed = randomSeed
    }
}
