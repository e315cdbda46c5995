/// A queue's live state inside the engine.
struct QueueRecord: Sendable {
    var config: QueueConfiguration
    /// Members in order: agent index and that agent's membership index.
    var members: [(agent: Int, membership: Int)] = []
    /// Calls in the queue (waiting, ringing or awaiting callback) in join order.
    var calls: [CallID] = []
    /// Member position after the one tried last (rrmemory).
    var roundRobinPosition = 0
    /// Index of the overflow target.
    var overflowTarget: Int?
    /// Penalty rules sorted by time.
    var penaltyRules: [PenaltyRule] = []
}
