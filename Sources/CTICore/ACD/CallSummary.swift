/// What the dispatcher reads of a call for each waiting caller it looks at, kept flat beside the
/// record in ``CallTable`` and recomputed whenever the record is written.
///
/// Checking a caller against a member then reads one small value with no references to follow,
/// instead of the record, its ``CallPlan``, the plan's steps and their skill arrays: with about a
/// thousand waiting callers each of those is a cache miss, and they made most of the cost of a
/// routing decision that looks at many callers. It holds no reference (not even the call's id), so
/// reading or copying it costs no retain.
struct CallSummary: Sendable {
    let queue: Int
    /// Waiting (not ringing, connected or gone) with a step in force: a caller the dispatcher may offer.
    let isRoutable: Bool
    /// Whether a step is in force.
    let hasStep: Bool
    /// Base priority plus the boost of the step in force (aging is the queue's, added at read time).
    let priority: Int
    let enqueuedAt: Double
    let enteredAt: Double
    /// The call's own penalty range, and the step in force's overrides of it.
    let minimumPenalty: Int?
    let maximumPenalty: Int?
    let stepMinimumPenalty: Int?
    let stepMaximumPenalty: Int?
    /// The first two skill needs in force, inline; `needCount` of them apply. With more than two,
    /// the record's ``CallRecord/needsInForce`` has them all.
    let firstNeed: SkillNeed
    let secondNeed: SkillNeed
    let needCount: Int
    /// The step in force takes only the call's preferred agents, and the call has some.
    let preferredOnly: Bool

    init(_ call: CallRecord) {
        queue = call.queue
        hasStep = call.hasStep
        isRoutable = call.hasStep && call.phase == .waiting
        priority = call.basePriority + call.stepPriorityBoost
        enqueuedAt = call.enqueuedAt
        enteredAt = call.enteredAt
        minimumPenalty = call.minimumPenalty
        maximumPenalty = call.maximumPenalty
        // The step's fields are read in place (a `RoutingStep` holds arrays and strings).
        if call.hasStep {
            stepMinimumPenalty = call.plan.steps[call.stepIndex].minimumPenalty
            stepMaximumPenalty = call.plan.steps[call.stepIndex].maximumPenalty
            preferredOnly = call.plan.steps[call.stepIndex].preferredAgentsOnly && !call.preferred.isEmpty
        } else {
            stepMinimumPenalty = nil
            stepMaximumPenalty = nil
            preferredOnly = false
        }
        let needs = call.needsInForce
        let none = SkillNeed(skill: -1, minimumLevel: 0)
        needCount = needs.count
        firstNeed = needs.count > 0 ? needs[0] : none
        secondNeed = needs.count > 1 ? needs[1] : none
    }

    /// Whether the inline needs are all the needs in force.
    var needsInline: Bool { needCount <= 2 }
}
