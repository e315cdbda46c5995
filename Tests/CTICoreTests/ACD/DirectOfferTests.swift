import CTICore
import Testing

@Suite("ACD direct offer to one agent (transfer to an agent)")
struct DirectOfferTests {
    static let queues = [
        QueueConfiguration(id: "q", strategy: .linear, ringTimeout: 15, wrapUp: 30), QueueConfiguration(id: "other"),
    ]
    static let agents = [
        AgentConfiguration(id: "A", memberships: [member("q")], skills: ["billing": 9]),
        AgentConfiguration(id: "B", memberships: [member("q", 3)]),
        AgentConfiguration(id: "C", memberships: [member("other")]),
    ]

    static func arrival(_ id: CallID, to agent: AgentID, skills: [SkillRequirement] = []) -> ACDEvent {
        .callArrived(CallArrival(id: id, queue: "q", skills: skills, directAgent: agent))
    }

    @Test("the named agent is rung at once although the strategy, the skills and the penalty favour another")
    func offeredDirectly() throws {
        var h = try ACDHarness(queues: Self.queues, agents: Self.agents)
        try h.login(["A", "B"], at: 0)
        #expect(h.engine.directOfferRefusal(of: "B", in: "q") == nil)
        // Linear starts at A, and only A has the skill; B has the worse penalty.
        let decisions = try h.at(10, Self.arrival("t1", to: "B", skills: [SkillRequirement("billing", atLeast: 5)]))
        #expect(decisions.offers.map(\.agents) == [["B"]])
        #expect(h.engine.state(of: "B") == .offered("t1"))
        #expect(h.engine.state(of: "A") == .ready)
        #expect(h.engine.directOfferRefusal(of: "B", in: "q") == "agent B is being offered another call")
    }

    @Test("a missed direct offer leaves the call waiting in the queue, where the others can take it")
    func missedOffer() throws {
        let queues = [QueueConfiguration(id: "q", strategy: .linear, autoPause: .yes, autoPauseAfterMisses: 1), QueueConfiguration(id: "other")]
        var h = try ACDHarness(queues: queues, agents: Self.agents)
        try h.login(["B"], at: 0)
        #expect(try h.at(10, Self.arrival("t1", to: "B")).offeredAgents == ["B"])
        let after = try h.at(12, .offerNotAnswered("t1", agent: "B"))
        #expect(after.offeredAgents.isEmpty, "B is auto-paused and nobody else is logged in")
        #expect(h.engine.waitingCalls(in: "q")?.map(\.id) == ["t1"])
        #expect(try h.at(13, .login("A")).offeredAgents == ["A"])
    }

    @Test("every reason a direct offer is impossible is reported, and the call then waits like any other")
    func refusals() throws {
        var h = try ACDHarness(queues: Self.queues, agents: Self.agents)
        #expect(h.engine.directOfferRefusal(of: "A", in: "q") == "agent A is logged out")
        #expect(h.engine.directOfferRefusal(of: "ghost", in: "q") == "no agent ghost")
        #expect(h.engine.directOfferRefusal(of: "A", in: "nowhere") == "no queue nowhere")
        #expect(h.engine.directOfferRefusal(of: "C", in: "q") == "agent C is not a member of queue q")
        try h.login(["A", "C"], at: 0)
        try h.at(1, .pause("A", reason: "lunch"))
        #expect(h.engine.directOfferRefusal(of: "A", in: "q") == "agent A is paused (lunch)")
        try h.at(2, .unpause("A"))
        #expect(try h.arrive("c1", "q", at: 3).offeredAgents == ["A"])
        try h.at(4, .offerAnswered("c1", agent: "A"))
        #expect(h.engine.directOfferRefusal(of: "A", in: "q") == "agent A is on a call")
        let busy = try h.at(5, Self.arrival("t1", to: "A"))
        #expect(busy.offers.isEmpty, "A is busy: the call waits")
        try h.at(6, .callEnded("c1"))
        #expect(h.engine.directOfferRefusal(of: "A", in: "q") == "agent A is in wrap-up")
        #expect(try h.at(36, .tick).offeredAgents == ["A"], "after wrap-up the waiting call goes to A")
        #expect(throws: ACDError.self) { try h.engine.handle(Self.arrival("t2", to: "ghost"), at: 40) }
        #expect(h.engine.waitingCalls(in: "q")?.contains { $0.id == "t2" } == false)
    }
}
