/// An agent: skills, and the queues they may log into with a penalty in each.
public struct AgentConfiguration: Sendable, Hashable, Codable {
    /// One queue the agent may serve.
    public struct Membership: Sendable, Hashable, Codable {
        /// The queue.
        public var queue: QueueID
        /// The agent's penalty in it (0 is best).
        public var penalty: Int
        /// Membership of `queue` at `penalty`.
        public init(_ queue: QueueID, penalty: Int = 0) {
            self.queue = queue
            self.penalty = penalty
        }
    }

    /// The agent's name.
    public var id: AgentID
    /// Queues in the agent's order; a queue's member order (for linear and rrmemory) is the
    /// order in which agents appear in the engine configuration.
    public var memberships: [Membership]
    /// Skill levels, 1-10.
    public var skills: [String: Int]

    /// An agent.
    public init(id: AgentID, memberships: [Membership], skills: [String: Int] = [:]) {
        self.id = id
        self.memberships = memberships
        self.skills = skills
    }
}
