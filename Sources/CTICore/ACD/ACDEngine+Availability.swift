/// What the dispatcher and the timers read instead of scanning every agent: idle logged-in
/// agents, per queue the members idle and available there (in member order), and each agent's
/// wrap-up end.
///
/// `refreshState` calls `syncAvailability` after every change to an agent's activity, logins or
/// pauses, so the figures are current whenever the engine settles.
extension ACDEngine {
    /// Brings the figures up to date with the agent's activity, logins and pauses.
    mutating func syncAvailability(_ agent: Int) {
        let activity = agents[agent].activity
        let idle = activity == .idle
        if case .wrapUp(let until, _, _, _) = activity {
            wrapUps.set(agent, until: until)
        } else {
            wrapUps.set(agent, until: .infinity)
        }
        var loggedIn = false
        for index in agents[agent].memberships.indices where
            agents[agent].memberships[index].loggedIn != agents[agent].memberships[index].countedLoggedIn
        {
            // A login or logout changes which heavier queues hold the agent back: look at all their queues.
            agents[agent].memberships[index].countedLoggedIn = agents[agent].memberships[index].loggedIn
            for membership in agents[agent].memberships { markAgentChanged(membership.queue, by: agent) }
        }
        for index in agents[agent].memberships.indices {
            let available = idle && agents[agent].memberships[index].isAvailable
            loggedIn = loggedIn || agents[agent].memberships[index].loggedIn
            guard available != agents[agent].memberships[index].countedAvailable else { continue }
            agents[agent].memberships[index].countedAvailable = available
            let queue = agents[agent].memberships[index].queue
            let position = agents[agent].memberships[index].position
            let slot = queues[queue].availablePositions.partitioningIndex { $0 >= position }
            if available {
                queues[queue].availablePositions.insert(position, at: slot)
                markAgentChanged(queue, by: agent)
            } else {
                queues[queue].availablePositions.remove(at: slot)
                // Fewer idle members can make the queue hold its members back (queue weight).
                agentTouched.mark(queue)
            }
        }
        let countedIdle = idle && loggedIn
        if countedIdle != agents[agent].countedIdle {
            agents[agent].countedIdle = countedIdle
            idleAgents += countedIdle ? 1 : -1
        }
    }
}

extension Array where Element == Int {
    /// The first index whose element satisfies `belongs`, for an array partitioned by it (binary search).
    fileprivate func partitioningIndex(where belongs: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
