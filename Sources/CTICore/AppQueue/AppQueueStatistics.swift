/// Interval statistics of Asterisk's app_queue, from its events: the same ``QueueStatistics`` and
/// ``AgentStatistics`` the controller keeps, for observer mode. Pure: every event comes with its
/// instant (seconds since 1970, so intervals line up with the clock); no I/O.
///
/// Definitions (domain.md) and how app_queue's events give them:
/// - A call belongs to the interval of its arrival (`QueueCallerJoin`); waits are measured from
///   there on the injected clock. When the join was missed (CTIBridge connected later) the arrival
///   is taken from the event's `HoldTime` (whole seconds), or its instant.
/// - **Offered**: each join. **Answered**: `AgentConnect`, wait = join → connect (ringing
///   included), within the service level when ≤ the queue's threshold. **Abandoned**:
///   `QueueCallerAbandon`; a wait below the short-abandon threshold is also a short abandon.
///   A caller who leaves unanswered without hanging up (app_queue's `timeout`, `leavewhenempty`
///   or a dialplan exit) is counted as **overflowed**: app_queue does not say where they went.
/// - **Handled**, **talk time** (connect → `AgentComplete`), **transferred** (`Reason: transfer`).
/// - **Hold time**: app_queue does not report it (its `HoldTime` is the caller's wait in the
///   queue); AMI's channel events `Hold`/`Unhold` on a connected call's channels give it
///   (``applyHold(_:channel:linkedID:at:)``), and talk time is the connection less the hold, as in
///   the controller. Without those events hold time stays 0.
/// - **Wrap-up**: app_queue sends no event for it. After `AgentComplete` the member is not offered
///   calls of that queue for the member's `Wrapuptime` (or, when 0, the queue's configured
///   wrap-up); that span is booked as wrap-up, cut short when the agent is rung again first.
/// - **Missed offers**: `AgentRingNoAnswer` and `AgentDump` (answered, then hung up before the
///   connection), booked in the interval they happen. Ringing stopped because a colleague
///   answered or the caller left is not a miss.
/// - **Agent states** as in the controller: offered, on call and wrap-up from the agent events;
///   otherwise logged out (a member of no queue), ready (unpaused in some queue) or paused with
///   the reason (paused in every queue). Time is split at interval boundaries; occupancy follows.
public struct AppQueueStatistics: Sendable {
    /// Thresholds, wrap-up and interval length.
    public let configuration: AppQueueStatisticsConfiguration
    /// The latest instant seen, in seconds.
    var now = 0.0
    var queueIndex: [String: Int] = [:]
    var queueNames: [String] = []
    var agentIndex: [String: Int] = [:]
    var agents: [Agent] = []
    var callers: [String: Caller] = [:]
    /// Agents in wrap-up, so wrap-ups that ran out are closed when time moves on.
    var wrapping: Set<Int> = []
    var queueStatistics: IntervalTable<QueueStatistics>
    var agentStatistics: IntervalTable<AgentStatistics>

    /// A caller in (or answered from) a queue, by Uniqueid.
    struct Caller: Sendable {
        var queue: Int
        var arrival: Double
        /// Agents being rung for this caller.
        var ringing: Set<Int> = []
        /// Who answered, and when.
        var connected: (agent: Int, at: Double)?
        /// The agent leg's Uniqueid, once connected.
        var agentChannel: String?
        /// Seconds on hold so far, and since when on hold now.
        var hold = 0.0
        var heldSince: Double?
        /// Left the queue (`QueueCallerLeave`) while an agent was ringing: answered or not is
        /// settled by the next event about it.
        var left = false
    }

    enum Activity: Sendable, Equatable {
        case idle
        case offered(String)
        case onCall(String)
        case wrapUp(until: Double, queue: Int, arrival: Double, ended: Double)
    }

    struct Agent: Sendable {
        var name: String
        /// Membership records by queue name.
        var memberships: [String: QueueMemberInfo] = [:]
        var activity = Activity.idle
        var state = AgentState.loggedOut
        var since: Double
    }

    /// No calls yet; the configured queues are known.
    public init(configuration: AppQueueStatisticsConfiguration = AppQueueStatisticsConfiguration()) {
        self.configuration = configuration
        queueStatistics = IntervalTable(length: configuration.interval.seconds, empty: QueueStatistics())
        agentStatistics = IntervalTable(length: configuration.interval.seconds, empty: AgentStatistics())
        for name in configuration.queues.keys.sorted() { _ = queue(name) }
    }

    /// Applies one app_queue event that happened at `instant`.
    public mutating func apply(_ event: AppQueueEvent, at instant: ACDInstant) {
        advance(to: instant.seconds)
        switch event {
        case .callerJoined(let caller, let queue, _, _):
            join(caller, queue: self.queue(queue))
        case .callerLeft(let caller, _, _, _):
            leave(caller)
        case .callerAbandoned(let caller, let queue, _, _, let hold):
            abandon(caller, queue: self.queue(queue), hold: hold)
        case .agentCalled(let leg):
            ring(leg)
        case .agentRingNoAnswer(let leg, _), .agentDumped(let leg):
            miss(leg)
        case .agentConnected(let leg, let hold, _):
            let agent = self.agent(leg.memberName)
            let id = knownCaller(leg, waited: hold)
            answer(id, by: agent)
            callers[id]?.agentChannel = leg.agentUniqueID
        case .agentCompleted(let leg, let hold, let talk, let reason):
            complete(leg, waited: hold, talk: talk, transferred: reason == "transfer")
        case .memberChanged(let member, let kind):
            let agent = self.agent(member.name)
            _ = queue(member.queue)
            agents[agent].memberships[member.queue] = kind == "Removed" ? nil : member
            refreshState(agent)
        }
    }

    /// Replaces every member record with those of a `QueueStatus` list (after a (re)connect):
    /// members not listed have left their queues. `queues` (the list's `QueueParams`) become known.
    public mutating func resync(members: [QueueMemberInfo], queues: [String] = [], at instant: ACDInstant) {
        advance(to: instant.seconds)
        for name in queues { _ = queue(name) }
        for member in members {
            _ = agent(member.name)
            _ = queue(member.queue)
        }
        let byName = Dictionary(grouping: members, by: \.name)
        for index in agents.indices {
            let records = byName[agents[index].name] ?? []
            agents[index].memberships = Dictionary(records.map { ($0.queue, $0) }, uniquingKeysWith: { _, last in last })
            refreshState(index)
        }
    }

    /// A channel was put on hold (`Hold`, `held` true) or taken off it (`Unhold`). The connected
    /// call is found by the channel's Uniqueid (the caller's or the agent leg's) or by its Linkedid
    /// (the caller's Uniqueid when the caller's channel began the call, as when it reached `Queue()`
    /// directly or through an IVR, so the agent's own phone channel is found too); other channels are ignored.
    public mutating func applyHold(_ held: Bool, channel: String, linkedID: String?, at instant: ACDInstant) {
        advance(to: instant.seconds)
        let id = [channel, linkedID].compactMap { $0 }.first { callers[$0]?.connected != nil }
            ?? callers.first { $0.value.connected != nil && $0.value.agentChannel == channel }?.key
        guard let id, var caller = callers[id] else { return }
        if held {
            caller.heldSince = caller.heldSince ?? now
        } else if let since = caller.heldSince {
            caller.hold += now - since
            caller.heldSince = nil
        }
        callers[id] = caller
    }

    /// One queue's figures per interval, oldest first, with wrap-ups that ran out by `instant`
    /// booked; nil for a queue neither configured nor seen in an event.
    public func intervals(ofQueue queue: QueueID, at instant: ACDInstant) -> [(start: ACDInstant, statistics: QueueStatistics)]? {
        guard let index = queueIndex[queue.rawValue] else { return nil }
        var copy = self
        copy.advance(to: instant.seconds)
        return copy.queueStatistics.intervals(of: index).map { (ACDInstant(seconds: $0.start), $0.value) }
    }

    /// One agent's figures per interval, oldest first, with the current state counted up to
    /// `instant`; nil for a member never seen.
    public func intervals(ofAgent agent: AgentID, at instant: ACDInstant) -> [(start: ACDInstant, statistics: AgentStatistics)]? {
        guard let index = agentIndex[agent.rawValue] else { return nil }
        var copy = self
        copy.advance(to: instant.seconds)
        let record = copy.agents[index]
        ACDEngine.split(from: record.since, to: copy.now, length: copy.agentStatistics.length) { start, seconds in
            copy.agentStatistics.update(index, at: start) { ACDEngine.book(record.state, seconds, into: &$0) }
        }
        return copy.agentStatistics.intervals(of: index).map { (ACDInstant(seconds: $0.start), $0.value) }
    }

    /// The agent's state now, or nil for a member never seen.
    public func state(of agent: AgentID) -> AgentState? {
        agentIndex[agent.rawValue].map { agents[$0].state }
    }
}
