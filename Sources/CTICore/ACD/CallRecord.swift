/// A call's live state inside the engine.
///
/// Copied often while routing, so everything behind a reference that rarely changes lives in one
/// shared ``CallPlan``.
struct CallRecord: Sendable {
    enum Phase: Sendable, Equatable {
        case waiting
        case ringing(agents: [Int], until: Double)
        case connected(agent: Int, at: Double)
    }

    let id: CallID
    var queue: Int
    let basePriority: Int
    /// First entry into any queue; kept across overflow and callback (priority ties).
    let enqueuedAt: Double
    /// Entry into the current queue: waits, steps and statistics count from here.
    var enteredAt: Double
    var plan: CallPlan
    var preferred: [Int]
    /// Index of the step in force; -1 before step 0 starts.
    var stepIndex = -1
    var stepStartedAt = 0.0
    let minimumPenalty: Int?
    let maximumPenalty: Int?
    /// Member position to start from (linear).
    var linearPosition = 0
    var phase: Phase = .waiting
    var isCallback = false
    var callbackNumber: String?
    /// Overflows so far; capped so two queues cannot pass a caller back and forth forever.
    var overflowHops = 0

    init(
        id: CallID, queue: Int, basePriority: Int, enqueuedAt: Double, enteredAt: Double, plan: CallPlan, preferred: [Int],
        minimumPenalty: Int?, maximumPenalty: Int?
    ) {
        self.id = id
        self.queue = queue
        self.basePriority = basePriority
        self.enqueuedAt = enqueuedAt
        self.enteredAt = enteredAt
        self.plan = plan
        self.preferred = preferred
        self.minimumPenalty = minimumPenalty
        self.maximumPenalty = maximumPenalty
    }

    var callerNumber: String? { plan.callerNumber }

    /// Whether a step is in force (step 0 has started).
    var hasStep: Bool { stepIndex >= 0 }

    /// The priority boost of the step in force, read in place.
    var stepPriorityBoost: Int { stepIndex >= 0 ? plan.steps[stepIndex].priorityBoost : 0 }

    /// The skills the step in force asks for, interned.
    var needsInForce: [SkillNeed] { (stepIndex >= 0 ? plan.stepNeeds[stepIndex] : nil) ?? plan.needs }

    var isRinging: Bool { if case .ringing = phase { true } else { false } }
}
