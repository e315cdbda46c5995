/// The automatic call distributor as a pure state machine: state + event + instant → decisions.
///
/// No clock, no I/O: each event carries its instant, timers are asked for with
/// ``ACDDecision/scheduleTimer(at:)`` and delivered as ``ACDEvent/tick``. Timers that fell due
/// before an event's instant run first, at their own instants, so a late tick changes nothing.
///
/// Callers are served by effective priority (base + step boost + aging), then enqueue time, then
/// id, across all queues; each queue's strategy then picks among its eligible members.
public struct ACDEngine: Sendable {
    /// The configuration the engine was built from.
    public let configuration: ACDConfiguration

    var queues: [QueueRecord]
    var queueIndex: [QueueID: Int]
    var agents: [AgentRecord]
    var agentIndex: [AgentID: Int]
    var calls: CallTable
    var lastAgentByCaller: [String: Int] = [:]
    var generator: SeededGenerator
    /// The instant of the latest event.
    var now: Double
    /// Earliest pending timer, and the one last announced to the I/O layer.
    var nextDeadline: Double?
    var announcedDeadline: Double?
    /// Decisions of timers that ran before an event that was then refused.
    var pending: [ACDDecision] = []
    var queueStatistics: IntervalTable<QueueStatistics>
    /// Logged-in agents whose activity is idle (paused ones included), kept by `syncAvailability`.
    var idleAgents = 0
    /// Queues that overflow when nobody is logged in or have `leaveWhenEmpty` conditions, in order:
    /// the only ones `housekeeping` can act on.
    let housekeepingQueues: [Int]
    /// Agents' wrap-up ends, kept by `syncAvailability`.
    var wrapUps: WrapUpTimers
    var agentStatistics: IntervalTable<AgentStatistics>
    /// Per queue: the cached ``QueueRecord/deadline``, ``QueueRecord/due`` and
    /// ``QueueRecord/rangesHoldUntil``, as heaps, so that timers and dispatch visit only the
    /// queues whose instant has come.
    var queueDeadlines: QueueDeadlines
    var queueDues: QueueDeadlines
    var rangeHolds: QueueDeadlines
    /// Queues where a member's availability changed since the last dispatch.
    var agentTouched: QueueMarks
    /// Agents who may have become eligible somewhere since the last dispatch (became idle and
    /// available, logged in or out, or were released by a heavier queue). In a queue where only
    /// agents changed, a waiting caller can only have gained one of these.
    var freshAgents: QueueMarks
    /// Queues that held their members back from lighter queues at the last dispatch.
    var heldQueues: [Int] = []
    /// Queues whose penalty ranges changed at this dispatch (taken from `rangeHolds`).
    var rangeDue: [Int] = []
    /// Reused buffers (no allocation per decision).
    var staleScratch: [Int] = []
    var waitingScratch: [WaitingEntry] = []
    var seenScratch: QueueMarks
    var eligibleScratch: [(agent: Int, membership: Int)] = []
    /// Skills interned to integers at configuration time: ids by name, and each agent's level of
    /// each skill in `skillLevels[agent * skillIDs.count + skill]` (0: not held).
    let skillIDs: [String: Int]
    let skillLevels: [Int]

    /// An engine with every agent logged out, starting at `start`.
    public init(configuration: ACDConfiguration, start: ACDInstant = 0) throws(ACDError) {
        self.configuration = configuration
        generator = SeededGenerator(seed: configuration.randomSeed)
        calls = CallTable(queues: configuration.queues.count)
        wrapUps = WrapUpTimers(agents: configuration.agents.count)
        now = start.seconds
        queueDeadlines = QueueDeadlines(queues: configuration.queues.count)
        queueDues = QueueDeadlines(queues: configuration.queues.count)
        rangeHolds = QueueDeadlines(queues: configuration.queues.count)
        agentTouched = QueueMarks(queues: configuration.queues.count)
        seenScratch = QueueMarks(queues: configuration.queues.count)
        freshAgents = QueueMarks(queues: configuration.agents.count)
        var skillIDs: [String: Int] = [:]
        for agent in configuration.agents {
            for skill in agent.skills.keys.sorted() where skillIDs[skill] == nil { skillIDs[skill] = skillIDs.count }
        }
        var skillLevels = Array(repeating: 0, count: configuration.agents.count * skillIDs.count)
        for (index, agent) in configuration.agents.enumerated() {
            for (skill, level) in agent.skills { skillLevels[index * skillIDs.count + skillIDs[skill]!] = level }
        }
        self.skillIDs = skillIDs
        self.skillLevels = skillLevels
        queueStatistics = IntervalTable(length: configuration.interval.seconds, empty: QueueStatistics())
        agentStatistics = IntervalTable(length: configuration.interval.seconds, empty: AgentStatistics())

        var queueIndex: [QueueID: Int] = [:]
        var queues: [QueueRecord] = []
        for queue in configuration.queues {
            guard queueIndex[queue.id] == nil else { throw ACDError(.invalidConfiguration, "queue \(queue.id) defined twice") }
            guard queue.ringTimeout > 0, queue.wrapUp >= 0, queue.autoPauseAfterMisses >= 1 else {
                throw ACDError(.invalidConfiguration, "queue \(queue.id): ring timeout must be positive, wrap-up and misses sensible")
            }
            queueIndex[queue.id] = queues.count
            var record = QueueRecord(config: queue)
            record.penaltyRules = queue.penaltyRules.sorted { $0.after < $1.after }
            queues.append(record)
        }
        for index in queues.indices {
            guard let overflow = queues[index].config.overflow else { continue }
            guard let target = queueIndex[overflow.target], target != index else {
                throw ACDError(.invalidConfiguration, "queue \(queues[index].config.id) overflows to unknown or same queue \(overflow.target)")
            }
            queues[index].overflowTarget = target
        }
        var agentIndex: [AgentID: Int] = [:]
        var agents: [AgentRecord] = []
        for agent in configuration.agents {
            guard agentIndex[agent.id] == nil else { throw ACDError(.invalidConfiguration, "agent \(agent.id) defined twice") }
            let index = agents.count
            var memberships: [AgentRecord.Membership] = []
            for membership in agent.memberships {
                guard let queue = queueIndex[membership.queue] else {
                    throw ACDError(.unknownQueue, "agent \(agent.id) is a member of unknown queue \(membership.queue)")
                }
                guard !memberships.contains(where: { $0.queue == queue }) else {
                    throw ACDError(.invalidConfiguration, "agent \(agent.id) lists queue \(membership.queue) twice")
                }
                memberships.append(.init(queue: queue, penalty: membership.penalty, position: queues[queue].members.count))
                queues[queue].members.append((agent: index, membership: memberships.count - 1))
            }
            agentIndex[agent.id] = index
            var record = AgentRecord(config: agent, memberships: memberships)
            record.stateSince = start.seconds
            agents.append(record)
        }
        for queue in queues {
            for step in queue.config.routingSteps {
                if case .overflow(let target) = step.onTimeout, queueIndex[target] == nil {
                    throw ACDError(.invalidConfiguration, "queue \(queue.config.id) has a step overflowing to unknown queue \(target)")
                }
            }
        }
        housekeepingQueues = queues.indices.filter { index in
            (queues[index].config.overflow?.whenNoAgentsLoggedIn == true && queues[index].overflowTarget != nil)
                || !queues[index].config.leaveWhenEmpty.isEmpty
        }
        self.queues = queues
        self.queueIndex = queueIndex
        self.agents = agents
        self.agentIndex = agentIndex
        for index in self.queues.indices {
            let steps = self.queues[index].config.routingSteps
            self.queues[index].stepNeeds = intern(steps: steps.isEmpty ? [RoutingStep()] : steps)
        }
    }

    /// Applies `event` at `instant` and returns what to do, in order.
    ///
    /// Throws ``ACDError`` for unknown ids, duplicate logins or calls, events impossible in the
    /// current state, and instants earlier than the previous event's; the event then changes
    /// nothing (timers already due still run, and their decisions come with the next call).
    public mutating func handle(_ event: ACDEvent, at instant: ACDInstant) throws(ACDError) -> [ACDDecision] {
        let time = instant.seconds
        guard time.isFinite, time >= now else {
            throw ACDError(.timeWentBackwards, "event at \(time) s is before the previous one at \(now) s")
        }
        var out = pending
        pending = []
        runTimers(until: time, into: &out)
        now = time
        do {
            try apply(event, into: &out)
        } catch {
            pending = out
            throw error
        }
        settle(into: &out)
        return out
    }

    private mutating func apply(_ event: ACDEvent, into out: inout [ACDDecision]) throws(ACDError) {
        switch event {
        case .login(let agent, let queues): try login(agent, queues: queues)
        case .logout(let agent, let queues): try logout(agent, queues: queues, into: &out)
        case .ready(let agent): try ready(agent, into: &out)
        case .pause(let agent, let reason, let queues): try pause(agent, reason: reason, queues: queues)
        case .unpause(let agent, let queues): try unpause(agent, queues: queues)
        case .callArrived(let arrival): try arrive(arrival, into: &out)
        case .callerAbandoned(let call): try abandon(call, into: &out)
        case .callbackRequested(let call, let number): try requestCallback(call, number: number, into: &out)
        case .callbackScheduled(let callback): try schedule(callback, into: &out)
        case .offerAnswered(let call, let agent): try answer(call, agent: agent, into: &out)
        case .offerNotAnswered(let call, let agent): try notAnswered(call, agent: agent, into: &out)
        case .callEnded(let call, let hold, let transferred): try end(call, hold: hold, transferred: transferred, into: &out)
        case .wrapUpEnded(let agent): try endWrapUpEarly(agent, into: &out)
        case .tick: break
        }
    }

    /// After any change: move callers whose queue emptied, offer calls, ask for the next timer.
    mutating func settle(into out: inout [ACDDecision], announce: Bool = true) {
        housekeeping(into: &out)
        dispatch(into: &out)
        nextDeadline = computeNextDeadline()
        guard announce else { return }
        if let deadline = nextDeadline, deadline != announcedDeadline {
            out.append(.scheduleTimer(at: ACDInstant(seconds: deadline)))
        }
        announcedDeadline = nextDeadline
    }

    // MARK: lookups

    func queue(_ id: QueueID) throws(ACDError) -> Int {
        guard let index = queueIndex[id] else { throw ACDError(.unknownQueue, "no queue \(id)") }
        return index
    }

    func agent(_ id: AgentID) throws(ACDError) -> Int {
        guard let index = agentIndex[id] else { throw ACDError(.unknownAgent, "no agent \(id)") }
        return index
    }

    func call(_ id: CallID) throws(ACDError) -> CallRecord {
        guard let call = calls[id] else { throw ACDError(.unknownCall, "no live call \(id)") }
        return call
    }
}
