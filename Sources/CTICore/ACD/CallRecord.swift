/// A call's live state inside the engine.
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
    let skills: [SkillRequirement]
    let callerNumber: String?
    var preferred: [Int]
    let customSteps: [RoutingStep]?
    var steps: [RoutingStep]
    /// `skills` interned, and each step's own skills interned (nil: the call's), aligned with `steps`.
    var needs: [SkillNeed] = []
    var stepNeeds: [[SkillNeed]?] = []
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

    var step: RoutingStep? { stepIndex >= 0 ? steps[stepIndex] : nil }

    /// The skills the step in force asks for, interned.
    var needsInForce: [SkillNeed] { (stepIndex >= 0 ? stepNeeds[stepIndex] : nil) ?? needs }

    var isRinging: Bool { if case .ringing = phase { true } else { false } }
}
