/// A caller joining a queue.
public struct CallArrival: Sendable, Hashable, Codable {
    /// The call.
    public var id: CallID
    /// The queue joined.
    public var queue: QueueID
    /// Base priority; higher is served first.
    public var priority: Int
    /// Skills the caller needs (relaxed by routing steps).
    public var skills: [SkillRequirement]
    /// Caller number, used to find the last agent for sticky routing and to call back.
    public var callerNumber: String?
    /// Agents to prefer, ahead of the sticky last agent.
    public var preferredAgents: [AgentID]
    /// Lowest member penalty allowed at first (app_queue QUEUE_MIN_PENALTY).
    public var minimumPenalty: Int?
    /// Highest member penalty allowed at first (app_queue QUEUE_MAX_PENALTY).
    public var maximumPenalty: Int?
    /// Routing steps for this call instead of the queue's.
    public var routingSteps: [RoutingStep]?
    /// An agent to offer the call to at once, whatever the strategy, skills, penalties and weights
    /// say, when they are idle and available in the queue (see ``ACDEngine/directOfferRefusal(of:in:)``);
    /// otherwise, or when they miss the offer, the call waits with them preferred.
    public var directAgent: AgentID?

    /// A caller.
    public init(
        id: CallID, queue: QueueID, priority: Int = 0, skills: [SkillRequirement] = [], callerNumber: String? = nil,
        preferredAgents: [AgentID] = [], minimumPenalty: Int? = nil, maximumPenalty: Int? = nil, routingSteps: [RoutingStep]? = nil
    ) {
        self.id = id
        self.queue = queue
        self.priority = priority
        self.skills = skills
        self.callerNumber = callerNumber
        self.preferredAgents = preferredAgents
        self.minimumPenalty = minimumPenalty
        self.maximumPenalty = maximumPenalty
        self.routingSteps = routingSteps
    }

    /// A caller offered to `agent` at once when possible (a transfer to one agent).
    public init(id: CallID, queue: QueueID, priority: Int = 0, skills: [SkillRequirement] = [], callerNumber: String? = nil, directAgent: AgentID) {
        self.init(id: id, queue: queue, priority: priority, skills: skills, callerNumber: callerNumber, preferredAgents: [directAgent])
        self.directAgent = directAgent
    }
}
