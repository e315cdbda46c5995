/// Callbacks that enter a queue with no caller on the line.
extension ACDEngine {
    /// Puts a scheduled callback in its queue, waiting as a callback from the start. No caller is
    /// turned away, so neither `maxLength` nor `joinEmpty` refuses it; it is counted as offered
    /// and as a callback of the queue it joins.
    mutating func schedule(_ callback: ScheduledCallback, into out: inout [ACDDecision]) throws(ACDError) {
        let queue = try queue(callback.queue)
        guard calls[callback.id] == nil else { throw ACDError(.duplicateCall, "call \(callback.id) is already in the engine") }
        guard !callback.number.isEmpty else { throw ACDError(.invalidState, "callback \(callback.id) has no number to dial") }
        guard callback.requestedAt.seconds.isFinite else {
            throw ACDError(.invalidState, "callback \(callback.id) has no finite request time")
        }
        var preferred: [Int] = []
        if queues[queue].config.stickyAgent, let last = lastAgentByCaller[callback.number] { preferred.append(last) }
        let plan = CallPlan(callerNumber: callback.number, needs: intern(callback.skills), customSteps: nil)
        var call = CallRecord(
            id: callback.id, queue: queue, basePriority: callback.priority, enqueuedAt: min(callback.requestedAt.seconds, now),
            enteredAt: now, plan: plan, preferred: preferred, minimumPenalty: nil, maximumPenalty: nil)
        call.isCallback = true
        call.callbackNumber = callback.number
        join(call, queue: queue, into: &out)
        if let joined = calls[callback.id] {
            queueStatistics.update(joined.queue, at: joined.enteredAt) { $0.callbacks += 1 }
        }
    }
}
