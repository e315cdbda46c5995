/// Timers: ring timeouts, wrap-up ends, routing-step changes, overflow.
extension ACDEngine {
    /// Runs every timer due up to `time`, each at its own instant, as if ticked on time.
    mutating func runTimers(until time: Double, into out: inout [ACDDecision]) {
        while let deadline = nextDeadline, deadline <= time {
            now = max(now, deadline)
            runDueTimers(into: &out)
            settle(into: &out, announce: false)
        }
    }

    /// Everything due at or before `now`, in a fixed order: wrap-ups, ring timeouts, then steps.
    private mutating func runDueTimers(into out: inout [ACDDecision]) {
        for agent in wrapUps.due(at: now) {
            if case .wrapUp(let until, _, _, _) = agents[agent].activity, until <= now { finishWrapUp(agent, into: &out) }
            wrapUps.keep(agent)
        }
        for queue in queues.indices {
            updateTimes(of: queue)
            guard queues[queue].due <= now else { continue }
            for (id, slot) in zip(queues[queue].calls, queues[queue].callSlots) {
                guard let call = calls[slot: slot], call.id == id, case .ringing(let ringing, let until) = call.phase, until <= now
                else { continue }
                cancelRinging(id, into: &out)
                for agent in ringing { recordMiss(agent, queue: call.queue, into: &out) }
            }
        }
        for queue in queues.indices {
            updateTimes(of: queue)
            guard queues[queue].due <= now else { continue }
            for id in queues[queue].calls { refreshCall(id, into: &out) }
        }
    }

    /// The earliest instant after now at which a timer is due.
    mutating func computeNextDeadline() -> Double? {
        var best = wrapUps.earliest()
        for queue in queues.indices {
            updateTimes(of: queue)
            best = min(best, queues[queue].deadline)
        }
        return best.isFinite ? best : nil
    }

    /// Recomputes the queue's cached timer figures when one of its calls changed or `now` reached
    /// the cached deadline.
    ///
    /// - `deadline`: the earliest ring timeout or ``nextChange(of:)`` of its calls. A waiting call's
    ///   `nextChange` computed at t stays the same for every later instant before it, and nil stays
    ///   nil, until the call changes; so the minimum holds until `now` reaches it.
    /// - `due`: the earliest ring timeout or ``refreshDue(of:)`` of its calls; before it, a timer run
    ///   finds nothing to do in the queue. It depends on the calls only.
    /// - `rangeChange`: the next instant a penalty rule changes a waiting call's allowed penalties.
    mutating func updateTimes(of queue: Int) {
        guard calls.hasChanged(queue: queue) || queues[queue].deadline <= now || queues[queue].rangeChange <= now else { return }
        var deadline = Double.infinity
        var due = Double.infinity
        var rangeChange = Double.infinity
        for slot in queues[queue].callSlots {
            guard let call = calls[slot: slot] else { continue }
            switch call.phase {
            case .ringing(_, let until):
                deadline = min(deadline, until)
                due = min(due, until)
            case .waiting:
                if let change = nextChange(of: call) { deadline = min(deadline, change) }
                due = min(due, refreshDue(of: call))
                if let rule = queues[queue].penaltyRules.first(where: { call.enteredAt + $0.after > now }) {
                    rangeChange = min(rangeChange, call.enteredAt + rule.after)
                }
            case .connected:
                break
            }
        }
        queues[queue].deadline = deadline
        queues[queue].due = due
        queues[queue].rangeChange = rangeChange
        calls.markCurrent(queue: queue)
    }
}
