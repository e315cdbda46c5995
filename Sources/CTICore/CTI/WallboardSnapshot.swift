/// What a supervisor's wallboard shows: every queue's figures and every agent's state.
public struct WallboardSnapshot: Codable, Sendable, Hashable {
    /// One queue's row.
    public struct QueueRow: Codable, Sendable, Hashable {
        public var queue: String
        public var name: String
        public var waiting: Int
        public var longestWaitSeconds: Double
        /// Share of calls answered within the target today, 0…1; nil before the first call.
        public var serviceLevelToday: Double?
        public var answeredToday: Int
        public var abandonedToday: Int
        public var agentsReady: Int

        public init(
            queue: String, name: String, waiting: Int, longestWaitSeconds: Double, serviceLevelToday: Double?,
            answeredToday: Int, abandonedToday: Int, agentsReady: Int
        ) {
            self.queue = queue
            self.name = name
            self.waiting = waiting
            self.longestWaitSeconds = longestWaitSeconds
            self.serviceLevelToday = serviceLevelToday
            self.answeredToday = answeredToday
            self.abandonedToday = abandonedToday
            self.agentsReady = agentsReady
        }
    }

    /// One agent's row.
    public struct AgentRow: Codable, Sendable, Hashable {
        public var agentID: String
        public var name: String
        public var state: AgentStateKind
        public var secondsInState: Double
        public var reason: String?

        public init(agentID: String, name: String, state: AgentStateKind, secondsInState: Double, reason: String? = nil) {
            self.agentID = agentID
            self.name = name
            self.state = state
            self.secondsInState = secondsInState
            self.reason = reason
        }
    }

    /// Seconds since 1970, UTC.
    public var generatedAt: Double
    public var queues: [QueueRow]
    public var agents: [AgentRow]
    /// Count of agents in each state (every state present, zero included), keyed by its raw value.
    public var agentsByState: [String: Int]

    public init(generatedAt: Double, queues: [QueueRow], agents: [AgentRow]) {
        self.generatedAt = generatedAt
        self.queues = queues
        self.agents = agents
        var counts: [String: Int] = [:]
        for kind in AgentStateKind.allCases { counts[kind.rawValue] = 0 }
        for agent in agents { counts[agent.state.rawValue, default: 0] += 1 }
        self.agentsByState = counts
    }
}
