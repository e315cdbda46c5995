import CTICore
import Testing

@Suite("ACD queue behaviour (domain.md golden 7-14)")
struct GoldenQueueTests {
    @Test("7 queue weight: X is kept for Q1 (weight 10, 1 caller, 1 available) and not offered a Q2 caller")
    func queueWeight() throws {
        let hold = [RoutingStep(preferredAgentsOnly: true, timeout: 600)]
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "Q1", weight: 10, routingSteps: hold), QueueConfiguration(id: "Q2", weight: 0)],
            agents: [
                AgentConfiguration(id: "X", memberships: [member("Q1"), member("Q2")]),
                AgentConfiguration(id: "Y", memberships: [member("Q1")]),
                AgentConfiguration(id: "Z", memberships: [member("Q1")]),
            ])
        try h.login(["X", "Y"], at: 0)
        try h.at(0, .pause("Y", reason: "lunch"))
        // The Q1 caller waits for Y only, so X stays available in Q1: 1 caller, 1 available member.
        #expect(try h.arrive("q1", "Q1", at: 10, preferred: ["Y"]).offers.isEmpty)
        #expect(try h.arrive("q2", "Q2", at: 20).offers.isEmpty)
        #expect(try h.at(25, .tick).offers.isEmpty)
        // A second available Q1 member: 1 caller < 2 available, so X may take Q2's caller.
        #expect(try h.at(30, .login("Z")).offeredAgents == ["X"])
    }

    @Test("7 queue weight: without a heavier queue waiting, the lighter queue's caller is offered")
    func queueWeightIdle() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "Q1", weight: 10), QueueConfiguration(id: "Q2", weight: 0)],
            agents: [AgentConfiguration(id: "X", memberships: [member("Q1"), member("Q2")])])
        try h.login(["X"], at: 0)
        #expect(try h.arrive("q2", "Q2", at: 20).offeredAgents == ["X"])
    }

    @Test("8 wrap-up: a call ends at t=100 with wrap-up 15 → no offer at 114, offer at 115")
    func wrapUp() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", wrapUp: 15)], agents: [AgentConfiguration(id: "A", memberships: [member("q")])])
        try h.login(["A"], at: 0)
        try h.arrive("c1", "q", at: 50)
        try h.at(50, .offerAnswered("c1", agent: "A"))
        let ended = try h.at(100, .callEnded("c1"))
        #expect(ended.contains(.startWrapUp("A", queue: "q", until: 115)))
        #expect(ended.scheduledTimers == [115])
        #expect(h.engine.state(of: "A") == .wrapUp(until: 115))
        #expect(try h.arrive("c2", "q", at: 105).offers.isEmpty)
        #expect(try h.at(114, .tick).offers.isEmpty)
        let due = try h.at(115, .tick)
        #expect(due.first == .wrapUpEnded("A"))
        #expect(due.offeredAgents == ["A"])
    }

    @Test("8 wrap-up ended early makes the agent available at once")
    func wrapUpEarly() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", wrapUp: 60)], agents: [AgentConfiguration(id: "A", memberships: [member("q")])])
        try h.login(["A"], at: 0)
        try h.arrive("c1", "q", at: 0)
        try h.at(0, .offerAnswered("c1", agent: "A"))
        try h.at(100, .callEnded("c1"))
        try h.arrive("c2", "q", at: 101)
        #expect(try h.at(110, .wrapUpEnded("A")).offeredAgents == ["A"])
    }

    @Test("9 autopause: ring-no-answer pauses the agent in Q1 and Q2 with `all`, only in Q1 with `yes`",
        arguments: [QueueConfiguration.AutoPause.all, .yes])
    func autoPause(mode: QueueConfiguration.AutoPause) throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "Q1", ringTimeout: 15, autoPause: mode), QueueConfiguration(id: "Q2")],
            agents: [AgentConfiguration(id: "A", memberships: [member("Q1"), member("Q2")])])
        try h.login(["A"], at: 0)
        let offered = try h.arrive("c1", "Q1", at: 0)
        #expect(offered.offeredAgents == ["A"])
        #expect(offered.scheduledTimers == [15])
        #expect(try h.at(14, .tick).isEmpty)
        let missed = try h.at(15, .tick)
        #expect(missed.contains(.cancelOffers("c1", agents: ["A"])))
        let expected: [QueueID] = mode == .all ? ["Q1", "Q2"] : ["Q1"]
        #expect(missed.contains(.autoPause("A", queues: expected, reason: "no answer")))
        #expect(missed.offers.isEmpty)
        let q2 = try h.arrive("c2", "Q2", at: 20)
        if mode == .all {
            #expect(q2.offers.isEmpty)
            #expect(h.engine.state(of: "A") == .paused(reason: "no answer"))
        } else {
            #expect(q2.offeredAgents == ["A"])
        }
    }

    @Test("ring-no-answer: the call keeps its place; N consecutive misses before the auto-pause")
    func missesBeforePause() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", ringTimeout: 10, autoPause: .yes, autoPauseAfterMisses: 2)],
            agents: [AgentConfiguration(id: "A", memberships: [member("q")])])
        try h.login(["A"], at: 0)
        try h.at(0, .pause("A", reason: "setup"))
        try h.arrive("c1", "q", at: 0)
        try h.arrive("c2", "q", at: 1)
        #expect(try h.at(5, .unpause("A")).offers.map(\.call) == ["c1"])
        let first = try h.at(15, .tick)
        #expect(!first.contains { if case .autoPause = $0 { true } else { false } })
        #expect(first.offers.map(\.call) == ["c1"])
        let second = try h.at(25, .tick)
        #expect(second.contains(.autoPause("A", queues: ["q"], reason: "no answer")))
        #expect(h.engine.waitingCalls(in: "q")?.map(\.id) == ["c1", "c2"])
        #expect(h.engine.statistics(ofAgent: "A")?.missedOffers == 2)
    }

    @Test("10 penalty rule 30,+3 on a caller with max penalty 1: a penalty-4 agent is ineligible at 29 s, eligible at 30 s")
    func penaltyRule() throws {
        let rule = try #require(PenaltyRule(parsing: "30,+3"))
        #expect(rule == PenaltyRule(after: 30, maximum: .relative(3)))
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", penaltyRules: [rule])],
            agents: [AgentConfiguration(id: "P4", memberships: [member("q", 4)])])
        try h.login(["P4"], at: 0)
        let joined = try h.arrive("c1", "q", at: 0, maxPenalty: 1)
        #expect(joined.offers.isEmpty)
        #expect(joined.scheduledTimers == [30])
        try h.arrive("c2", "q", at: 5, maxPenalty: 1)
        #expect(try h.at(29, .tick).offers.isEmpty)
        #expect(h.engine.waitingCalls(in: "q")?.map(\.id) == ["c1", "c2"])
        let at30 = try h.at(30, .tick)
        #expect(at30.offers.map(\.call) == ["c1"])
        #expect(at30.offeredAgents == ["P4"])
        #expect(h.engine.waitingCalls(in: "q")?.map(\.position) == [1, 2])
    }

    @Test("11 priority + delay: Support (P1/D30) waiting 40 s beats Sales (P1/D0) waiting 5 s; at 20 s Sales goes first",
        arguments: [(0.0, "support"), (20.0, "sales")])
    func priorityAndDelay(supportArrival: Double, winner: String) throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "Sales"), QueueConfiguration(id: "Support", routingSteps: [RoutingStep(after: 30)])],
            agents: [AgentConfiguration(id: "A", memberships: [member("Sales"), member("Support")])])
        try h.login(["A"], at: 0)
        try h.at(0, .pause("A", reason: "setup"))
        try h.arrive("support", "Support", at: ACDInstant(seconds: supportArrival), priority: 1)
        try h.arrive("sales", "Sales", at: 35, priority: 1)
        #expect(try h.at(40, .unpause("A")).offers.map(\.call) == [CallID(winner)])
    }

    @Test("priority aging: a lower-priority caller overtakes after enough aging steps; ties go by enqueue time")
    func aging() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", aging: .init(interval: 60, step: 1))],
            agents: [AgentConfiguration(id: "A", memberships: [member("q")])])
        try h.login(["A"], at: 0)
        try h.at(0, .pause("A", reason: "setup"))
        try h.arrive("old", "q", at: 0, priority: 0)
        try h.arrive("vip", "q", at: 50, priority: 1)
        // Effective priority = base + ⌊wait / 60⌋: at 119 s old 1 < vip 2; at 120 s both 2, old entered first.
        try h.at(119, .tick)
        #expect(h.engine.waitingCalls(in: "q")?.map(\.id) == ["vip", "old"])
        #expect(h.engine.waitingCalls(in: "q")?.map(\.effectivePriority) == [2, 1])
        try h.at(120, .tick)
        #expect(h.engine.waitingCalls(in: "q")?.map(\.id) == ["old", "vip"])
        #expect(h.engine.waitingCalls(in: "q")?.map(\.effectivePriority) == [2, 2])
        #expect(try h.at(130, .unpause("A")).offers.map(\.call) == ["old"])
    }

    @Test("12 sticky agent: preferred X busy, step timeout 15 s → held for X until 15 s, then any eligible agent")
    func stickyAgent() throws {
        let steps = [RoutingStep(preferredAgentsOnly: true, timeout: 15), RoutingStep()]
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", routingSteps: steps, stickyAgent: true)],
            agents: [AgentConfiguration(id: "X", memberships: [member("q")]), AgentConfiguration(id: "Y", memberships: [member("q")])])
        try h.login(["X", "Y"], at: 0)
        try h.at(0, .pause("Y", reason: "setup"))
        #expect(try h.serve("first", "q", by: "X", at: 10, end: 20, number: "+15550100"))
        try h.at(30, .unpause("Y"))
        try h.arrive("busy", "q", at: 40, preferred: ["X"])  // X takes another call and is busy
        try h.at(40, .offerAnswered("busy", agent: "X"))
        let back = try h.arrive("again", "q", at: 100, number: "+15550100")
        #expect(back.offers.isEmpty)
        #expect(back.scheduledTimers == [115])
        #expect(try h.at(114.9, .tick).offers.isEmpty)
        #expect(try h.at(115, .tick).offeredAgents == ["Y"])
    }

    @Test("12 sticky agent: the preferred agent gets the caller when free within the hold")
    func stickyAgentFree() throws {
        let steps = [RoutingStep(preferredAgentsOnly: true, timeout: 15), RoutingStep()]
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", routingSteps: steps, stickyAgent: true)],
            agents: [AgentConfiguration(id: "X", memberships: [member("q")]), AgentConfiguration(id: "Y", memberships: [member("q")])])
        try h.login(["X", "Y"], at: 0)
        try h.at(0, .pause("Y", reason: "setup"))
        #expect(try h.serve("first", "q", by: "X", at: 10, end: 20, number: "+15550100"))
        try h.at(30, .unpause("Y"))
        try h.at(30, .pause("X", reason: "coffee"))
        #expect(try h.arrive("again", "q", at: 100, number: "+15550100").offers.isEmpty)
        #expect(try h.at(110, .unpause("X")).offeredAgents == ["X"])
    }

    @Test("13 callback requested at 120 s: enqueue time and place kept, counted as a callback; agent first, then the customer")
    func callback() throws {
        var h = try ACDHarness(queues: [QueueConfiguration(id: "q")], agents: [AgentConfiguration(id: "A", memberships: [member("q")])])
        try h.login(["A"], at: 0)
        try h.at(0, .pause("A", reason: "setup"))
        try h.arrive("c1", "q", at: 0, number: "+15550199")
        try h.arrive("c2", "q", at: 60)
        try h.at(120, .callbackRequested("c1"))
        let waiting = try #require(h.engine.waitingCalls(in: "q"))
        #expect(waiting.map(\.id) == ["c1", "c2"])
        #expect(waiting[0].enqueuedAt == 0)
        #expect(waiting[0].isCallback)
        #expect(h.engine.snapshot(of: "q")?.callbacksWaiting == 1)
        let stats = try #require(h.engine.statistics(ofQueue: "q"))
        #expect(stats.callbacks == 1)
        #expect(stats.abandoned == 0)
        #expect(throws: ACDError.self) { try h.at(121, .callerAbandoned("c1")) }

        let offered = try h.at(130, .unpause("A"))
        #expect(offered.offers.first?.call == "c1")
        #expect(offered.offers.first?.isCallback == true)
        let answered = try h.at(135, .offerAnswered("c1", agent: "A"))
        #expect(answered == [.dialCallback("c1", agent: "A", number: "+15550199")])
        try h.at(200, .callEnded("c1"))
        let after = try #require(h.engine.statistics(ofQueue: "q"))
        #expect(after.callbacksHandled == 1)
        #expect(after.answered == 0)
        #expect(after.abandoned == 0)
        #expect(after.handled == 1)
    }

    @Test("14 joinempty=paused,inuse: all members paused or on a call → join refused; one idle member → caller joins")
    func joinEmpty() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", joinEmpty: [.paused, .inUse])],
            agents: [AgentConfiguration(id: "A", memberships: [member("q")]), AgentConfiguration(id: "B", memberships: [member("q")])])
        try h.login(["A", "B"], at: 0)
        try h.at(0, .pause("A", reason: "break"))
        try h.arrive("c1", "q", at: 1)
        try h.at(1, .offerAnswered("c1", agent: "B"))
        #expect(try h.arrive("c2", "q", at: 2) == [.joinRefused("c2", queue: "q", reason: .empty)])
        #expect(h.engine.statistics(ofQueue: "q")?.refused == 1)
        try h.at(3, .unpause("A"))
        let joined = try h.arrive("c3", "q", at: 4)
        #expect(joined.contains(.queued("c3", queue: "q", position: 1)))
        #expect(joined.offeredAgents == ["A"])
    }
}
