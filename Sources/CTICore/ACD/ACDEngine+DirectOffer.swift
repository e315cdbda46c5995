/// Offering a call to one named agent (a transfer to an agent), bypassing the queue's strategy.
extension ACDEngine {
    /// Why `agent` cannot be offered a call of `queue` directly right now, or nil when they can:
    /// they must be a member logged into the queue, not paused there, and idle (not ringing, on a
    /// call or wrapping up). Unknown agents and queues are reasons too.
    public func directOfferRefusal(of agent: AgentID, in queue: QueueID) -> String? {
        guard let agentIndex = agentIndex[agent] else { return "no agent \(agent)" }
        guard let queueIndex = queueIndex[queue] else { return "no queue \(queue)" }
        return directOfferRefusal(of: agentIndex, in: queueIndex)
    }

    func directOfferRefusal(of agent: Int, in queue: Int) -> String? {
        let record = agents[agent]
        let name = record.config.id
        guard let index = record.membership(of: queue) else { return "agent \(name) is not a member of queue \(queues[queue].config.id)" }
        let membership = record.memberships[index]
        guard record.isLoggedIn else { return "agent \(name) is logged out" }
        guard membership.loggedIn else { return "agent \(name) is not logged into queue \(queues[queue].config.id)" }
        if let reason = membership.pauseReason { return "agent \(name) is paused (\(reason))" }
        switch record.activity {
        case .idle: return nil
        case .offered: return "agent \(name) is being offered another call"
        case .onCall: return "agent \(name) is on a call"
        case .wrapUp: return "agent \(name) is in wrap-up"
        }
    }
}
