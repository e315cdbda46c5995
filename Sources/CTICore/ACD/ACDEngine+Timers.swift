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

    /// Everything due at or before `now`, in a fixed order: wrap-ups, ring timeouts, then steps;
    /// within each, queues in index order. Only queues whose cached ``QueueRecord/due`` has come
    /// are visited (a heap of them), not all queues.
    private mutating func runDueTimers(into out: inout [ACDDecision]) {
        for agent in wrapUps.due(at: now) {
            if case .wrapUp(let until, _, _, _) = agents[agent].activity, until <= now { finishWrapUp(agent, into: &out) }
            wrapUps.keep(agent)
        }
        // Ring timeouts change only their own queue's calls: the queues due before the pass are
        // exactly the ones the pass over every queue would act on.
        var due = takeDueQueues()
        for queue in due {
            for (id, slot) in zip(queues[queue].calls, queues[queue].callSlots) {
                guard let call = calls[slot: slot], call.id == id, case .ringing(let ringing, let until) = call.phase, until <= now
                else { continue }
                cancelRinging(id, into: &out)
                for agent in ringing { recordMiss(agent, queue: call.queue, into: &out) }
            }
        }
        for queue in due { queueDues.set(queue, to: queues[queue].due) }
        // Routing steps may move calls into other queues: a queue after the current one that
        // becomes due is visited in this run too, one before it in the next.
        due = takeDueQueues()
        var visited = -1
        var later: [Int] = []
        while let next = due.min() {
            due.removeAll { $0 == next }
            visited = next
            later.append(next)
            // Its calls may have changed since it was found due (a call moved in or out).
            guard queues[next].due <= now else { continue }
            for id in queues[next].calls { refreshCall(id, into: &out) }
            for queue in takeDueQueues() {
                if queue > visited, !due.contains(queue) { due.append(queue) } else { later.append(queue) }
            }
        }
        refreshTimes()
        for queue in later { queueDues.set(queue, to: queues[queue].due) }
    }

    /// The queues whose ``QueueRecord/due`` is at or before now, in index order, after bringing
    /// every queue's figures up to date; their dues are forgotten until set again.
    private mutating func takeDueQueues() -> [Int] {
        refreshTimes()
        var due: [Int] = []
        queueDues.take(dueAt: now, into: &due)
        due.sort()
        return due
    }

    /// The earliest instant after now at which a timer is due.
    mutating func computeNextDeadline() -> Double? {
        refreshTimes()
        let best = min(wrapUps.earliest(), queueDeadlines.earliest())
        return best.isFinite ? best : nil
    }

    /// Recomputes the cached timer figures of the queues whose calls changed or whose deadline
    /// `now` reached (see ``updateTimes(of:)``); the others are current.
    mutating func refreshTimes() {
        var stale = staleScratch
        staleScratch = []
        stale.removeAll(keepingCapacity: true)
        calls.takeChanged(into: &stale)
        queueDeadlines.take(dueAt: now, into: &stale)
        for queue in stale { updateTimes(of: queue) }
        staleScratch = stale
    }

    /// Recomputes the queue's cached timer figures.
    ///
    /// - `deadline`: the earliest ring timeout or ``nextChange(of:)`` of its calls. A waiting call's
    ///   `nextChange` computed at t stays the same for every later instant before it, and nil stays
    ///   nil, until the call changes; so the minimum holds until `now` reaches it.
    /// - `due`: the earliest ring timeout or ``refreshDue(of:)`` of its calls; before it, a timer run
    ///   finds nothing to do in the queue. It depends on the calls only.
    /// - `rangeChange`: the next instant a penalty rule changes a waiting call's allowed penalties
    ///   (never before `deadline`, which counts the same instants).
    mutating func updateTimes(of queue: Int) {
        var deadline = Double.infinity
        var due = Double.infinity
        var rangeChange = Double.infinity
        let hasRules = !queues[queue].penaltyRules.isEmpty
        for slot in queues[queue].callSlots {
            switch calls[slot: slot]?.phase {
            case .ringing(_, let until)?:
                deadline = min(deadline, until)
                due = min(due, until)
            case .waiting?:
                guard let call = calls[slot: slot] else { continue }
                if let change = nextChange(of: call) { deadline = min(deadline, change) }
                due = min(due, refreshDue(of: call))
                if hasRules, let rule = queues[queue].penaltyRules.first(where: { call.enteredAt + $0.after > now }) {
                    rangeChange = min(rangeChange, call.enteredAt + rule.after)
                }
            case .connected?, nil:
                break
            }
        }
        queues[queue].deadline = deadline
        queues[queue].due = due
        queues[queue].rangeChange = rangeChange
        queueDeadlines.set(queue, to: deadline)
        queueDues.set(queue, to: due)
    }
}
