/// A queue's live state inside the engine.
struct QueueRecord: Sendable {
    var config: QueueConfiguration
    /// Members in order: agent index and that agent's membership index.
    var members: [(agent: Int, membership: Int)] = []
    /// Calls in the queue (waiting, ringing or awaiting callback) in join order.
    var calls: [CallID] = []
    /// The slots of `calls` in the engine's ``CallTable``, in the same order (read without hashing ids).
    var callSlots: [Int] = []
    /// Member position after the one tried last (rrmemory).
    var roundRobinPosition = 0
    /// Index of the overflow target.
    var overflowTarget: Int?
    /// The interned skills of the queue's routing steps (see ``CallRecord/stepNeeds``).
    var stepNeeds: [[SkillNeed]?] = []
    /// Penalty rules sorted by time.
    var penaltyRules: [PenaltyRule] = []
    /// Positions in `members` of the members idle and available (logged in, not paused) here,
    /// ascending; kept by `syncAvailability`.
    var availablePositions: [Int] = []
    /// How many members are idle and available here.
    var availableIdle: Int { availablePositions.count }
    /// Cached timer figures over the queue's calls (see `ACDEngine.updateTimes(of:)`): the earliest
    /// ring timeout or `nextChange`, and the earliest instant at which a timer run could act on a call.
    var deadline = Double.infinity
    var due = Double.infinity
    /// Cached: the earliest instant after now at which a penalty rule widens or narrows the
    /// allowed penalties of one of the queue's waiting calls.
    var rangeChange = Double.infinity
    /// The dispatcher's memo (see `ACDEngine.dispatch(into:)`): a member may have become eligible
    /// since the last dispatch; the instant until which the penalty ranges hold; whether the queue
    /// held its members back from lighter queues at the last dispatch.
    var agentChanged = true
    var rangesHoldUntil = -Double.infinity
    var heldMembersAtDispatch = false

    /// Queue weight: members are kept for this queue while it has at least as many callers as
    /// idle available members (see `ACDEngine.heldByHeavierQueue`).
    var holdsMembers: Bool { !calls.isEmpty && calls.count >= availableIdle }

    /// Appends a call at the end of the join order.
    mutating func appendCall(_ id: CallID, slot: Int) {
        calls.append(id)
        callSlots.append(slot)
    }

    /// Takes a call out of the join order.
    mutating func removeCall(_ id: CallID) {
        guard let index = calls.firstIndex(of: id) else { return }
        calls.remove(at: index)
        callSlots.remove(at: index)
    }
}
