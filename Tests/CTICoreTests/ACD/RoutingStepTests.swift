import CTICore
import Testing

@Suite("ACD routing steps, skills, overflow and admission")
struct RoutingStepTests {
    @Test("skills relax by step: level ≥ 7 at first, ≥ 3 after 30 s")
    func skillRelaxation() throws {
        let steps = [
            RoutingStep(skills: [SkillRequirement("billing", atLeast: 7)]),
            RoutingStep(after: 30, skills: [SkillRequirement("billing", atLeast: 3)]),
        ]
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", routingSteps: steps)],
            agents: [
                AgentConfiguration(id: "junior", memberships: [member("q")], skills: ["billing": 5]),
                AgentConfiguration(id: "other", memberships: [member("q")], skills: ["sales": 9]),
            ])
        try h.login(["junior", "other"], at: 0)
        let joined = try h.arrive("c1", "q", at: 0)
        #expect(joined.offers.isEmpty)
        #expect(joined.scheduledTimers == [30])
        #expect(try h.at(29, .tick).offers.isEmpty)
        #expect(try h.at(30, .tick).offeredAgents == ["junior"])
    }

    @Test("a call's own skill requirements apply when the step names none")
    func callSkills() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q")],
            agents: [
                AgentConfiguration(id: "en", memberships: [member("q")], skills: ["lang.en": 8]),
                AgentConfiguration(id: "fr", memberships: [member("q")], skills: ["lang.fr": 8]),
            ])
        try h.login(["en", "fr"], at: 0)
        #expect(try h.arrive("c1", "q", at: 0, skills: [SkillRequirement("lang.fr", atLeast: 5)]).offeredAgents == ["fr"])
    }

    @Test("step timeouts: overflow to another queue, callback, voicemail")
    func stepTimeoutActions() throws {
        let steps = [
            RoutingStep(timeout: 10, onTimeout: .next),
            RoutingStep(timeout: 10, onTimeout: .callback),
        ]
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", routingSteps: steps), QueueConfiguration(id: "backup")],
            agents: [AgentConfiguration(id: "A", memberships: [member("q")])])
        try h.arrive("c1", "q", at: 0, number: "+15550123")
        #expect(try h.at(20, .tick) == [.convertToCallback("c1", queue: "q")])
        #expect(h.engine.waitingCalls(in: "q")?.first?.isCallback == true)
        #expect(h.engine.nextTimer == nil)
        try h.arrive("c3", "q", at: 20, steps: [RoutingStep(timeout: 10, onTimeout: .voicemail)])
        #expect(try h.at(30, .tick) == [.voicemail("c3", queue: "q")])
        #expect(h.engine.waitingCalls(in: "q")?.map(\.id) == ["c1"])
        #expect(h.engine.statistics(ofQueue: "q")?.voicemail == 1)
        #expect(h.engine.statistics(ofQueue: "q")?.callbacks == 1)

        let overflowSteps = [RoutingStep(timeout: 5, onTimeout: .overflow("backup"))]
        try h.arrive("c2", "q", at: 40, priority: 3, steps: overflowSteps)
        let moved = try h.at(45, .tick)
        #expect(moved.contains(.overflow("c2", from: "q", to: "backup")))
        let waiting = try #require(h.engine.waitingCalls(in: "backup"))
        #expect(waiting.map(\.id) == ["c2"])
        #expect(waiting[0].enqueuedAt == 40)
        #expect(waiting[0].enteredQueueAt == 45)
        #expect(waiting[0].effectivePriority == 3)
    }

    @Test("queue overflow after a wait, keeping the enqueue time; answered in the second queue")
    func overflowAfterWait() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "first", overflow: .init(to: "second", after: 60)), QueueConfiguration(id: "second")],
            agents: [AgentConfiguration(id: "A", memberships: [member("first")]), AgentConfiguration(id: "B", memberships: [member("second")])])
        try h.login(["A", "B"], at: 0)
        try h.at(0, .pause("A", reason: "busy"))
        try h.at(0, .pause("B", reason: "busy"))
        try h.arrive("c1", "first", at: 10)
        try h.arrive("old", "second", at: 30)
        #expect(try h.at(69, .tick).isEmpty)
        let moved = try h.at(70, .tick)
        #expect(moved.first == .overflow("c1", from: "first", to: "second"))
        // Enqueue time is kept: c1 (10) is ahead of "old" (30) in the second queue.
        #expect(h.engine.waitingCalls(in: "second")?.map(\.id) == ["c1", "old"])
        #expect(try h.at(80, .unpause("B")).offers.map(\.call) == ["c1"])
        #expect(h.engine.statistics(ofQueue: "first")?.overflowed == 1)
        #expect(h.engine.statistics(ofQueue: "second")?.offered == 2)
    }

    @Test("overflow when no agent is logged in: on arrival and when the last member logs out")
    func overflowWhenEmpty() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "first", overflow: .init(to: "second", whenNoAgentsLoggedIn: true)), QueueConfiguration(id: "second")],
            agents: [AgentConfiguration(id: "A", memberships: [member("first")]), AgentConfiguration(id: "B", memberships: [member("second")])])
        let arrival = try h.arrive("c1", "first", at: 0)
        #expect(arrival.first == .overflow("c1", from: "first", to: "second"))
        try h.login(["A"], at: 5)
        try h.at(5, .pause("A", reason: "busy"))
        #expect(try h.arrive("c2", "first", at: 6).contains(.queued("c2", queue: "first", position: 1)))
        #expect(try h.at(7, .logout("A")).contains(.overflow("c2", from: "first", to: "second")))
        #expect(h.engine.waitingCalls(in: "second")?.map(\.id) == ["c1", "c2"])
    }

    @Test("maxlen refuses the caller beyond the limit")
    func maxLength() throws {
        var h = try ACDHarness(queues: [QueueConfiguration(id: "q", maxLength: 2)], agents: [AgentConfiguration(id: "A", memberships: [member("q")])])
        try h.arrive("c1", "q", at: 0)
        try h.arrive("c2", "q", at: 1)
        #expect(try h.arrive("c3", "q", at: 2) == [.joinRefused("c3", queue: "q", reason: .full)])
        #expect(h.engine.statistics(ofQueue: "q")?.offered == 2)
    }

    @Test("leavewhenempty=paused: waiting callers leave when the last usable member pauses")
    func leaveWhenEmpty() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", leaveWhenEmpty: [.paused, .unavailable])],
            agents: [AgentConfiguration(id: "A", memberships: [member("q")]), AgentConfiguration(id: "B", memberships: [member("q")])])
        try h.login(["A", "B"], at: 0)
        try h.arrive("c1", "q", at: 1)
        try h.at(2, .offerAnswered("c1", agent: "A"))
        try h.at(3, .pause("B", reason: "break"))
        try h.arrive("c2", "q", at: 4)
        #expect(h.engine.waitingCalls(in: "q")?.map(\.id) == ["c2"])  // A, on a call, still counts
        try h.at(5, .callEnded("c1"))
        // A was offered c2 when c1 ended; logging out withdraws that offer, and nobody usable is left.
        #expect(try h.at(6, .logout("A")) == [.cancelOffers("c2", agents: ["A"]), .leaveEmpty("c2", queue: "q")])
        #expect(h.engine.statistics(ofQueue: "q")?.leftEmpty == 1)
    }

    @Test("a step restricted to preferred agents does not hold a caller who has none")
    func preferredWithoutPreference() throws {
        let steps = [RoutingStep(preferredAgentsOnly: true, timeout: 30), RoutingStep()]
        var h = try ACDHarness(queues: [QueueConfiguration(id: "q", routingSteps: steps)], agents: [AgentConfiguration(id: "A", memberships: [member("q")])])
        try h.login(["A"], at: 0)
        #expect(try h.arrive("c1", "q", at: 0).offeredAgents == ["A"])
    }
}
