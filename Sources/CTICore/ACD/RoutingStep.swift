/// One stage of a caller's routing while they wait. A single construct covers app_queue penalty
/// rules, skill relaxation ("bullseye"), priority and delay, and sticky/preferred agents.
///
/// Steps run in order. Step 0 starts once the caller has waited its ``after`` seconds; before
/// that the caller is not offered to anyone (a routing *delay*). A step with a ``timeout`` lasts
/// at least that long, then its ``onTimeout`` action runs; `.next` starts the following step (no
/// earlier than that step's own ``after``). A step without a timeout gives way as soon as the wait
/// reaches the next step's ``after``. The last step stays in force.
public struct RoutingStep: Sendable, Hashable, Codable {
    /// What happens when a step's timeout passes.
    public enum TimeoutAction: Sendable, Hashable, Codable {
        /// Go on to the next step.
        case next
        /// Move the caller to another queue, keeping their enqueue time.
        case overflow(QueueID)
        /// Turn the call into a callback: the caller is released and keeps their place.
        case callback
        /// Send the caller to voicemail; the call leaves the queue.
        case voicemail
    }

    /// Seconds waited in the queue before this step may start.
    public var after: Double
    /// Skill requirements in this step; nil keeps the call's own requirements.
    public var skills: [SkillRequirement]?
    /// Lowest member penalty allowed in this step; nil keeps the queue's penalty rules.
    public var minimumPenalty: Int?
    /// Highest member penalty allowed in this step; nil keeps the queue's penalty rules.
    public var maximumPenalty: Int?
    /// Only the call's preferred agents (its sticky last agent, or those named on arrival).
    /// A call without preferred agents is not restricted.
    public var preferredAgentsOnly: Bool
    /// Priority added while this step is in force (not cumulative across steps).
    public var priorityBoost: Int
    /// Seconds this step lasts before ``onTimeout`` runs; nil for no limit.
    public var timeout: Double?
    /// What happens at the timeout.
    public var onTimeout: TimeoutAction

    /// A step; every argument defaults to "no change".
    public init(
        after: Double = 0, skills: [SkillRequirement]? = nil, minimumPenalty: Int? = nil, maximumPenalty: Int? = nil,
        preferredAgentsOnly: Bool = false, priorityBoost: Int = 0, timeout: Double? = nil, onTimeout: TimeoutAction = .next
    ) {
        self.after = after
        self.skills = skills
        self.minimumPenalty = minimumPenalty
        self.maximumPenalty = maximumPenalty
        self.preferredAgentsOnly = preferredAgentsOnly
        self.priorityBoost = priorityBoost
        self.timeout = timeout
        self.onTimeout = onTimeout
    }
}
