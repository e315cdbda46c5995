import CTICore

/// Drives an engine through timed events and keeps every decision.
struct ACDHarness {
    var engine: ACDEngine
    private(set) var log: [(at: ACDInstant, decision: ACDDecision)] = []

    init(queues: [QueueConfiguration], agents: [AgentConfiguration], interval: StatisticsInterval = .thirtyMinutes, seed: UInt64 = 1)
        throws
    {
        engine = try ACDEngine(configuration: ACDConfiguration(queues: queues, agents: agents, interval: interval, randomSeed: seed))
    }

    @discardableResult
    mutating func at(_ time: ACDInstant, _ event: ACDEvent) throws -> [ACDDecision] {
        let decisions = try engine.handle(event, at: time)
        log += decisions.map { (time, $0) }
        return decisions
    }

    @discardableResult
    mutating func arrive(_ id: CallID, _ queue: QueueID, at time: ACDInstant, priority: Int = 0, skills: [SkillRequirement] = [],
        number: String? = nil, preferred: [AgentID] = [], maxPenalty: Int? = nil, steps: [RoutingStep]? = nil) throws -> [ACDDecision]
    {
        try at(time, .callArrived(CallArrival(id: id, queue: queue, priority: priority, skills: skills, callerNumber: number,
            preferredAgents: preferred, maximumPenalty: maxPenalty, routingSteps: steps)))
    }

    /// Logs agents into all their queues at `time`.
    mutating func login(_ agents: [AgentID], at time: ACDInstant) throws {
        for agent in agents { try at(time, .login(agent)) }
    }

    /// A call that must be offered to `agent` alone on arrival, answered at once and ended at `end`.
    mutating func serve(_ id: CallID, _ queue: QueueID, by agent: AgentID, at time: ACDInstant, end: ACDInstant, number: String? = nil)
        throws -> Bool
    {
        let offered = try arrive(id, queue, at: time, number: number).offeredAgents
        guard offered == [agent] else { return false }
        try at(time, .offerAnswered(id, agent: agent))
        try at(end, .callEnded(id))
        return true
    }
}

extension [ACDDecision] {
    var offers: [ACDDecision.Offer] {
        compactMap { if case .offer(let offer) = $0 { offer } else { nil } }
    }

    /// Agents rung, in order, across every offer.
    var offeredAgents: [AgentID] { offers.flatMap(\.agents) }

    var scheduledTimers: [ACDInstant] {
        compactMap { if case .scheduleTimer(let at) = $0 { at } else { nil } }
    }
}

func member(_ queue: QueueID, _ penalty: Int = 0) -> AgentConfiguration.Membership {
    .init(queue, penalty: penalty)
}
