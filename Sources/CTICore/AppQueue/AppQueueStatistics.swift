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
    private(set) var now = 0.0
    private var queueIndex: [String: Int] = [:]
    private var queueNames: [String] = []
    private var agentIndex: [String: Int] = [:]
    private var agents: [Agent] = []
    private var callers: [String: Caller] = [:]
    /// Agents in wrap-up, so wrap-ups that ran out are closed when time moves on.
    private var wrapping: Set<Int> = []
    private var queueStatistics: IntervalTable<QueueStatistics>
    private var agentStatistics: IntervalTable<AgentStatistics>

    /// A caller in (or answered from) a queue, by Uniqueid.
    private struct Caller: Sendable {
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

    private enum Activity: Sendable, Equatable {
        case idle
        case offered(String)
        case onCall(String)
        case wrapUp(until: Double, queue: Int, arrival: Double, ended: Double)
    }

    private struct Agent: Sendable {
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

    // MARK: - Calls

    private mutating func join(_ id: String, queue: Int) {
        if let existing = callers[id] {
            if existing.queue == queue, existing.connected == nil, !existing.left { return }  // a duplicate
            if existing.connected == nil { overflow(id) }  // moved on to another queue
        }
        callers[id] = Caller(queue: queue, arrival: now)
        queueStatistics.update(queue, at: now) { $0.offered += 1 }
    }

    private mutating func leave(_ id: String) {
        guard var caller = callers[id], caller.connected == nil else { return }
        if caller.ringing.isEmpty {
            overflow(id)
        } else {
            caller.left = true
            callers[id] = caller
        }
    }

    /// Counts a caller who left unanswered without hanging up, and forgets them.
    private mutating func overflow(_ id: String) {
        guard let caller = callers.removeValue(forKey: id) else { return }
        stopRinging(caller.ringing, for: id)
        queueStatistics.update(caller.queue, at: caller.arrival) { $0.overflowed += 1 }
    }

    private mutating func abandon(_ id: String, queue: Int, hold: Double) {
        if callers[id] == nil { arrive(id, queue: queue, waited: hold) }
        guard let caller = callers[id], caller.connected == nil else { return }
        callers[id] = nil
        stopRinging(caller.ringing, for: id)
        let wait = now - caller.arrival
        let settings = configuration.queue(name(ofQueue: caller.queue))
        queueStatistics.update(caller.queue, at: caller.arrival) {
            $0.abandoned += 1
            $0.abandonedWaitTime += wait
            if wait <= settings.serviceLevelThreshold { $0.abandonedWithinThreshold += 1 }
            if wait < settings.shortAbandonThreshold { $0.shortAbandons += 1 }
        }
    }

    private mutating func ring(_ leg: AgentLegInfo) {
        let agent = self.agent(leg.memberName)
        let id = knownCaller(leg, waited: 0)
        switch agents[agent].activity {
        case .onCall: return  // rung while busy (ringinuse): the call goes on
        case .wrapUp: finishWrapUp(agent)
        case .offered(let other) where other != id: callers[other]?.ringing.remove(agent)
        default: break
        }
        callers[id]?.ringing.insert(agent)
        agents[agent].activity = .offered(id)
        refreshState(agent)
    }

    private mutating func miss(_ leg: AgentLegInfo) {
        let agent = self.agent(leg.memberName)
        let id = leg.callerUniqueID
        agentStatistics.update(agent, at: now) { $0.missedOffers += 1 }
        if agents[agent].activity == .offered(id) {
            agents[agent].activity = .idle
            refreshState(agent)
        }
        guard var caller = callers[id] else { return }
        caller.ringing.remove(agent)
        callers[id] = caller
        if caller.left, caller.connected == nil, caller.ringing.isEmpty { overflow(id) }
    }

    private mutating func answer(_ id: String, by agent: Int, at time: Double? = nil) {
        guard var caller = callers[id], caller.connected == nil else { return }
        let connectedAt = time ?? now
        stopRinging(caller.ringing.subtracting([agent]), for: id)
        caller.ringing = []
        caller.left = false
        caller.connected = (agent, connectedAt)
        callers[id] = caller
        if case .wrapUp = agents[agent].activity { finishWrapUp(agent) }
        agents[agent].activity = .onCall(id)
        refreshState(agent)
        let wait = max(0, connectedAt - caller.arrival)
        let threshold = configuration.queue(name(ofQueue: caller.queue)).serviceLevelThreshold
        queueStatistics.update(caller.queue, at: caller.arrival) {
            $0.answered += 1
            $0.answeredWaitTime += wait
            $0.longestAnsweredWait = max($0.longestAnsweredWait, wait)
            if wait <= threshold { $0.answeredWithinThreshold += 1 }
        }
    }

    private mutating func complete(_ leg: AgentLegInfo, waited hold: Double, talk reported: Double, transferred: Bool) {
        let agent = self.agent(leg.memberName)
        let id = leg.callerUniqueID
        if callers[id]?.connected == nil {
            // The connect (or the whole call) was missed: take Asterisk's whole seconds.
            _ = knownCaller(leg, waited: hold + reported)
            answer(id, by: agent, at: now - reported)
        }
        guard let caller = callers.removeValue(forKey: id), let connected = caller.connected else { return }
        let onHold = caller.hold + (caller.heldSince.map { max(0, now - $0) } ?? 0)
        let talk = max(0, now - connected.at - onHold)
        queueStatistics.update(caller.queue, at: caller.arrival) {
            $0.handled += 1
            $0.talkTime += talk
            $0.holdTime += onHold
            if transferred { $0.transferred += 1 }
        }
        agentStatistics.update(connected.agent, at: caller.arrival) {
            $0.handled += 1
            $0.talkTime += talk
            $0.holdTime += onHold
        }
        guard agents[connected.agent].activity == .onCall(id) else { return }
        let queueName = name(ofQueue: caller.queue)
        let own = agents[connected.agent].memberships[queueName]?.wrapUpSeconds ?? 0
        let wrapUp = own > 0 ? Double(own) : configuration.queue(queueName).wrapUp
        if wrapUp > 0, !agents[connected.agent].memberships.isEmpty {
            agents[connected.agent].activity = .wrapUp(until: now + wrapUp, queue: caller.queue, arrival: caller.arrival, ended: now)
            wrapping.insert(connected.agent)
        } else {
            agents[connected.agent].activity = .idle
        }
        refreshState(connected.agent)
    }

    /// The caller an `Agent*` event names; one not seen joining arrives now, `waited` seconds ago.
    private mutating func knownCaller(_ leg: AgentLegInfo, waited: Double) -> String {
        if callers[leg.callerUniqueID] == nil { arrive(leg.callerUniqueID, queue: queue(leg.queue), waited: waited) }
        return leg.callerUniqueID
    }

    /// A caller whose join was missed: offered in the interval of their reconstructed arrival.
    private mutating func arrive(_ id: String, queue: Int, waited: Double) {
        let arrival = now - max(0, waited)
        callers[id] = Caller(queue: queue, arrival: arrival)
        queueStatistics.update(queue, at: arrival) { $0.offered += 1 }
    }

    /// Agents no longer rung for `id` (a colleague answered, the caller left): back to idle, not a miss.
    private mutating func stopRinging(_ ringing: Set<Int>, for id: String) {
        for agent in ringing.sorted() where agents[agent].activity == .offered(id) {
            agents[agent].activity = .idle
            refreshState(agent)
        }
    }

    // MARK: - Agents and time

    /// Moves time on to `time`, first closing the wrap-ups that ran out before it, each at its end.
    private mutating func advance(to time: Double) {
        while let (agent, until) = wrapping.compactMap({ agent -> (Int, Double)? in
            guard case .wrapUp(let until, _, _, _) = agents[agent].activity, until <= time else { return nil }
            return (agent, until)
        }).min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) {
            now = max(now, until)
            finishWrapUp(agent)
        }
        now = max(now, time)
    }

    /// Ends the agent's wrap-up now and books the after-call work to the call's interval.
    private mutating func finishWrapUp(_ agent: Int) {
        wrapping.remove(agent)
        guard case .wrapUp(_, let queue, let arrival, let ended) = agents[agent].activity else { return }
        let work = now - ended
        queueStatistics.update(queue, at: arrival) { $0.wrapUpTime += work }
        agentStatistics.update(agent, at: arrival) { $0.wrapUpTime += work }
        agents[agent].activity = .idle
        refreshState(agent)
    }

    /// Closes the timed state when it changed, splitting its time at interval boundaries.
    private mutating func refreshState(_ agent: Int) {
        let state = derivedState(agents[agent])
        guard state != agents[agent].state else { return }
        let previous = agents[agent].state
        ACDEngine.split(from: agents[agent].since, to: now, length: agentStatistics.length) { start, seconds in
            agentStatistics.update(agent, at: start) { ACDEngine.book(previous, seconds, into: &$0) }
        }
        agents[agent].state = state
        agents[agent].since = now
    }

    private func derivedState(_ agent: Agent) -> AgentState {
        switch agent.activity {
        case .offered(let id): return .offered(CallID(id))
        case .onCall(let id): return .onCall(CallID(id))
        case .wrapUp(let until, _, _, _): return .wrapUp(until: ACDInstant(seconds: until))
        case .idle: break
        }
        let records = agent.memberships.sorted { $0.key < $1.key }.map(\.value)
        guard let first = records.first else { return .loggedOut }
        if records.contains(where: { !$0.paused }) { return .ready }
        return .paused(reason: first.pausedReason)
    }

    private mutating func queue(_ name: String) -> Int {
        if let index = queueIndex[name] { return index }
        queueNames.append(name)
        queueIndex[name] = queueNames.count - 1
        return queueNames.count - 1
    }

    private func name(ofQueue index: Int) -> String { queueNames[index] }

    private mutating func agent(_ name: String) -> Int {
        if let index = agentIndex[name] { return index }
        agents.append(Agent(name: name, since: now))
        agentIndex[name] = agents.count - 1
        return agents.count - 1
    }
}
