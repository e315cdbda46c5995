/// A queue of the simulated app_queue: its queues.conf settings, members, waiting callers and statistics.
public struct SimQueue: Sendable, Hashable {
    /// Queue name.
    public var name: String
    /// `leastrecent`, `fewestcalls`, `random`, or any other name for member order.
    public var strategy: String = "leastrecent"
    /// Seconds a member rings before the offer is given up (`timeout`).
    public var timeout: Double = 15
    /// Seconds before the next offer after a ring-no-answer (`retry`).
    public var retry: Double = 2
    /// Seconds a member rests after a call (`wrapuptime`).
    public var wrapUpTime: Double = 2
    /// `maxlen`; 0 means unlimited.
    public var maxLength = 0
    /// `servicelevel` in seconds.
    public var serviceLevel = 0
    /// `weight`.
    public var weight = 0
    /// Members in order.
    public var members: [SimQueueMember]
    /// Uniqueids of waiting callers, in order (position 1 first).
    public internal(set) var waiting: [String] = []
    /// When each waiting caller joined.
    public internal(set) var joinedAt: [String: WallTime] = [:]
    /// Answered calls that ended.
    public internal(set) var completed = 0
    /// Callers who gave up waiting.
    public internal(set) var abandoned = 0
    /// Completed calls answered within `serviceLevel`.
    public internal(set) var completedInServiceLevel = 0
    /// Running hold-time average in seconds (app_queue's filter).
    public internal(set) var holdTime = 0
    /// Running talk-time average in seconds.
    public internal(set) var talkTime = 0

    /// A queue with members.
    public init(name: String, members: [SimQueueMember]) {
        self.name = name
        self.members = members
    }

    /// The index of the member dialled at `interface` (case-insensitive, as app_queue compares).
    func memberIndex(interface: String) -> Int? {
        let wanted = interface.lowercased()
        return members.firstIndex { $0.interface.lowercased() == wanted }
    }

    /// Whether any member could take a call now (the `Queue:<name>_avail` device).
    var hasAvailableMember: Bool { members.contains { !$0.paused && $0.status != .unavailable } }

    /// Folds a new sample into a running average like app_queue's `recalc_holdtime`.
    static func average(_ old: Int, _ sample: Int) -> Int { old == 0 ? sample : ((old << 2) - old + sample) >> 2 }
}
