/// What a call's routing reads and seldom changes: the caller's number and skill needs, its own
/// routing steps if it brought any, and the steps in force in the queue it waits in.
///
/// Kept in one immutable object that copies of a ``CallRecord`` share, so copying a record
/// counts one reference instead of one per array and string; joining another queue makes a new
/// plan (``routed(steps:stepNeeds:)``).
final class CallPlan: Sendable {
    let callerNumber: String?
    /// The call's own skill requirements, interned.
    let needs: [SkillNeed]
    /// Routing steps the call arrived with; nil to follow its queue's.
    let customSteps: [RoutingStep]?
    /// The steps in force in the current queue, never empty once the call has joined a queue.
    let steps: [RoutingStep]
    /// Each step's own skills interned (nil: the call's `needs`), aligned with `steps`.
    let stepNeeds: [[SkillNeed]?]

    init(callerNumber: String?, needs: [SkillNeed], customSteps: [RoutingStep]?, steps: [RoutingStep] = [], stepNeeds: [[SkillNeed]?] = []) {
        self.callerNumber = callerNumber
        self.needs = needs
        self.customSteps = customSteps
        self.steps = steps
        self.stepNeeds = stepNeeds
    }

    /// The same call's plan with the steps of the queue it joins.
    func routed(steps: [RoutingStep], stepNeeds: [[SkillNeed]?]) -> CallPlan {
        CallPlan(callerNumber: callerNumber, needs: needs, customSteps: customSteps, steps: steps, stepNeeds: stepNeeds)
    }
}
