/// Everything the engine needs to know about one queue.
public struct QueueConfiguration: Sendable, Hashable, Codable {
    /// Which queues an auto-pause covers (app_queue `autopause`).
    public enum AutoPause: String, Sendable, Hashable, Codable {
        /// Never auto-pause.
        case no
        /// Pause the agent in this queue only.
        case yes
        /// Pause the agent in every queue they are logged into.
        case all
    }

    /// Priority aging: one ``step`` of priority per ``interval`` seconds waited.
    public struct Aging: Sendable, Hashable, Codable {
        /// Seconds per step.
        public var interval: Double
        /// Priority added per interval.
        public var step: Int
        /// Aging by `step` every `interval` seconds.
        public init(interval: Double, step: Int = 1) {
            self.interval = interval
            self.step = step
        }
    }

    /// When waiting callers move to another queue.
    public struct Overflow: Sendable, Hashable, Codable {
        /// The queue that takes them.
        public var target: QueueID
        /// Seconds waited before overflowing; nil for no time limit.
        public var after: Double?
        /// Overflow at once (on arrival, or when the last member logs out) if no member is logged in.
        public var whenNoAgentsLoggedIn: Bool
        /// Overflow to `target` after `after` seconds and/or when nobody is logged in.
        public init(to target: QueueID, after: Double? = nil, whenNoAgentsLoggedIn: Bool = false) {
            self.target = target
            self.after = after
            self.whenNoAgentsLoggedIn = whenNoAgentsLoggedIn
        }
    }

    /// The queue's name.
    public var id: QueueID
    /// How a member is chosen.
    public var strategy: RoutingStrategy
    /// Queue weight: a member of a heavier queue is kept for it while it has at least as many
    /// waiting callers as available members.
    public var weight: Int
    /// Seconds an offer rings before it counts as not answered.
    public var ringTimeout: Double
    /// Seconds of wrap-up after each call from this queue (0 for none).
    public var wrapUp: Double
    /// Most callers waiting at once; nil for no limit.
    public var maxLength: Int?
    /// Refuse callers when the queue is empty under these conditions (`joinempty`).
    public var joinEmpty: Set<MemberCondition>
    /// Remove waiting callers when the queue becomes empty under these conditions (`leavewhenempty`).
    public var leaveWhenEmpty: Set<MemberCondition>
    /// Auto-pause on ring-no-answer.
    public var autoPause: AutoPause
    /// Consecutive missed offers that trigger an auto-pause.
    public var autoPauseAfterMisses: Int
    /// Penalty rules applied as callers wait.
    public var penaltyRules: [PenaltyRule]
    /// Default routing steps for callers of this queue (a call may bring its own); empty means one
    /// unrestricted step from the start.
    public var routingSteps: [RoutingStep]
    /// Priority aging, if any.
    public var aging: Aging?
    /// Overflow to another queue, if any.
    public var overflow: Overflow?
    /// Offer a caller their last agent first (see ``RoutingStep/preferredAgentsOnly``).
    public var stickyAgent: Bool
    /// Service-level threshold in seconds (answered within it counts).
    public var serviceLevelThreshold: Double
    /// Abandons with a wait below this many seconds are short abandons.
    public var shortAbandonThreshold: Double

    /// A queue; defaults follow app_queue: ring 15 s, no wrap-up, no limit, `joinempty=yes`,
    /// `autopause=no` (one miss when turned on), service level 20 s, short abandon 5 s.
    public init(
        id: QueueID, strategy: RoutingStrategy = .leastRecent, weight: Int = 0, ringTimeout: Double = 15, wrapUp: Double = 0,
        maxLength: Int? = nil, joinEmpty: Set<MemberCondition> = [], leaveWhenEmpty: Set<MemberCondition> = [],
        autoPause: AutoPause = .no, autoPauseAfterMisses: Int = 1, penaltyRules: [PenaltyRule] = [],
        routingSteps: [RoutingStep] = [], aging: Aging? = nil, overflow: Overflow? = nil, stickyAgent: Bool = false,
        serviceLevelThreshold: Double = 20, shortAbandonThreshold: Double = 5
    ) {
        self.id = id
        self.strategy = strategy
        self.weight = weight
        self.ringTimeout = ringTimeout
        self.wrapUp = wrapUp
        self.maxLength = maxLength
        self.joinEmpty = joinEmpty
        self.leaveWhenEmpty = leaveWhenEmpty
        self.autoPause = autoPause
        self.autoPauseAfterMisses = autoPauseAfterMisses
        self.penaltyRules = penaltyRules
        self.routingSteps = routingSteps
        self.aging = aging
        self.overflow = overflow
        self.stickyAgent = stickyAgent
        self.serviceLevelThreshold = serviceLevelThreshold
        self.shortAbandonThreshold = shortAbandonThreshold
    }
}
