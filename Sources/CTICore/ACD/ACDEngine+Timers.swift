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
        for agent in agents.indices {
            if case .wrapUp(let until, _, _, _) = agents[agent].activity, until <= now { finishWrapUp(agent, into: &out) }
        }
        for queue in queues.indices {
            for id in queues[queue].calls {
                guard let call = calls[id], case .ringing(let ringing, let until) = call.phase, until <= now else { continue }
                cancelRinging(id, into: &out)
                for agent in ringing { recordMiss(agent, queue: call.queue, into: &out) }
            }
        }
        for queue in queues.indices {
            for id in queues[queue].calls { refreshCall(id, into: &out) }
        }
    }

    /// The earliest instant after now at which a timer is due.
    func computeNextDeadline() -> Double? {
        var best = Double.infinity
        for agent in agents.indices {
            if case .wrapUp(let until, _, _, _) = agents[agent].activity { best = min(best, until) }
        }
        for queue in queues.indices {
            for id in queues[queue].calls {
                guard let call = calls[id] else { continue }
                switch call.phase {
                case .ringing(_, let until): best = min(best, until)
                case .waiting: if let change = nextChange(of: call) { best = min(best, change) }
                case .connected: break
                }
            }
        }
        return best.isFinite ? best : nil
    }
}
