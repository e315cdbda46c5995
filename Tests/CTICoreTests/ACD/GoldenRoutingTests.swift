import CTICore
import TestSupport
import Testing

@Suite("ACD routing strategies (domain.md golden 1-6)")
struct GoldenRoutingTests {
    @Test("1 leastrecent at t=1000: A (last call 900), C (970), B (never, penalty 1) → A, C, B")
    func leastRecent() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", strategy: .leastRecent)],
            agents: [
                AgentConfiguration(id: "A", memberships: [member("q")]),
                AgentConfiguration(id: "B", memberships: [member("q", 1)]),
                AgentConfiguration(id: "C", memberships: [member("q")]),
            ])
        try h.login(["A", "B", "C"], at: 0)
        try h.at(0, .pause("C", reason: "setup"))
        #expect(try h.serve("a1", "q", by: "A", at: 850, end: 900))
        try h.at(901, .pause("A", reason: "setup"))
        try h.at(901, .unpause("C"))
        #expect(try h.serve("c1", "q", by: "C", at: 950, end: 970))
        try h.at(980, .unpause("A"))
        var order: [AgentID] = []
        for id in ["x1", "x2", "x3"] as [CallID] { order += try h.arrive(id, "q", at: 1000).offeredAgents }
        #expect(order == ["A", "C", "B"])
    }

    @Test("leastrecent: never-called members first, ties by login time, then name")
    func leastRecentTies() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", strategy: .leastRecent)],
            agents: ["D", "C", "B", "A"].map { AgentConfiguration(id: AgentID($0), memberships: [member("q")]) })
        try h.login(["A"], at: 0)
        #expect(try h.serve("a1", "q", by: "A", at: 10, end: 20))
        try h.login(["D"], at: 30)
        try h.login(["C", "B"], at: 40)
        var order: [AgentID] = []
        for id in ["x1", "x2", "x3", "x4"] as [CallID] { order += try h.arrive(id, "q", at: 100).offeredAgents }
        #expect(order == ["D", "B", "C", "A"])
    }

    @Test("2 fewestcalls: A 5 calls, B 2, C 2, idle since 1000/1010/1005 → C, then B, then A")
    func fewestCalls() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", strategy: .fewestCalls)],
            agents: ["A", "B", "C"].map { AgentConfiguration(id: AgentID($0), memberships: [member("q")]) })
        try h.login(["A", "B", "C"], at: 0)
        try h.at(0, .pause("B", reason: "setup"))
        try h.at(0, .pause("C", reason: "setup"))
        for k in 1...5 {
            #expect(try h.serve(CallID("a\(k)"), "q", by: "A", at: ACDInstant(seconds: Double(k * 100)), end: k == 5 ? 1000 : ACDInstant(seconds: Double(k * 100 + 10))))
        }
        try h.at(1000, .pause("A", reason: "setup"))
        try h.at(1000, .unpause("C"))
        #expect(try h.serve("c1", "q", by: "C", at: 1001, end: 1002))
        #expect(try h.serve("c2", "q", by: "C", at: 1003, end: 1005))
        try h.at(1005, .pause("C", reason: "setup"))
        try h.at(1005, .unpause("B"))
        #expect(try h.serve("b1", "q", by: "B", at: 1006, end: 1007))
        #expect(try h.serve("b2", "q", by: "B", at: 1008, end: 1010))
        try h.at(1050, .unpause("A"))
        try h.at(1050, .unpause("C"))
        var order: [AgentID] = []
        for id in ["x1", "x2", "x3"] as [CallID] { order += try h.arrive(id, "q", at: 1100).offeredAgents }
        #expect(order == ["C", "B", "A"])
    }

    @Test("3 rrmemory: members A, B, C, D with B tried last → C, D, A, B")
    func roundRobinMemory() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", strategy: .roundRobinMemory)],
            agents: ["A", "B", "C", "D"].map { AgentConfiguration(id: AgentID($0), memberships: [member("q")]) })
        try h.login(["A", "B", "C", "D"], at: 0)
        #expect(try h.arrive("p1", "q", at: 10).offeredAgents == ["A"])
        #expect(try h.arrive("p2", "q", at: 10).offeredAgents == ["B"])
        for id in ["p1", "p2"] as [CallID] { try h.at(11, .callerAbandoned(id)) }
        var order: [AgentID] = []
        for id in ["x1", "x2", "x3", "x4"] as [CallID] { order += try h.arrive(id, "q", at: 20).offeredAgents }
        #expect(order == ["C", "D", "A", "B"])
    }

    @Test("4 linear: every new caller starts at A; if A does not answer, B")
    func linear() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", strategy: .linear, ringTimeout: 10)],
            agents: ["A", "B", "C"].map { AgentConfiguration(id: AgentID($0), memberships: [member("q")]) })
        try h.login(["A", "B", "C"], at: 0)
        #expect(try h.serve("c1", "q", by: "A", at: 10, end: 20))
        #expect(try h.arrive("c2", "q", at: 30).offeredAgents == ["A"])
        #expect(try h.at(31, .offerNotAnswered("c2", agent: "A")).offeredAgents == ["B"])
        try h.at(32, .offerAnswered("c2", agent: "B"))
        // A ring timeout also moves on to B (B is busy now, so C).
        #expect(try h.arrive("c3", "q", at: 40).offeredAgents == ["A"])
        let timeout = try h.at(50, .tick)
        #expect(timeout.contains(.cancelOffers("c3", agents: ["A"])))
        #expect(timeout.offeredAgents == ["C"])
    }

    @Test("5 ringall: A and B (penalty 0) ring together, C (penalty 1) only when both are unavailable")
    func ringAll() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", strategy: .ringAll)],
            agents: [
                AgentConfiguration(id: "A", memberships: [member("q")]),
                AgentConfiguration(id: "B", memberships: [member("q")]),
                AgentConfiguration(id: "C", memberships: [member("q", 1)]),
            ])
        try h.login(["A", "B", "C"], at: 0)
        let first = try h.arrive("c1", "q", at: 10)
        #expect(first.offers.count == 1)
        #expect(Set(first.offeredAgents) == ["A", "B"])
        let answered = try h.at(12, .offerAnswered("c1", agent: "B"))
        #expect(answered == [.cancelOffers("c1", agents: ["A"]), .connect("c1", agent: "B", queue: "q")])
        try h.at(13, .pause("A", reason: "break"))
        #expect(try h.arrive("c2", "q", at: 14).offeredAgents == ["C"])
    }

    @Test("6 wrandom: A (penalty 0) beats B (penalty 1) in 75 % ± 1 % of 100,000 seeded draws")
    func weightedRandom() async throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", strategy: .weightedRandom)],
            agents: [
                AgentConfiguration(id: "A", memberships: [member("q")]),
                AgentConfiguration(id: "B", memberships: [member("q", 1)]),
            ], seed: 20_240_601)
        try h.login(["A", "B"], at: 0)
        let draws = 100_000
        // On a thread of its own: a long loop must not hold one of the few cooperative threads the
        // network tests running beside it need.
        let winsA = try await inBackground { [h] in
            var h = h
            var wins = 0
            for n in 0..<draws {
                let id = CallID("w\(n)")
                let offered = try h.engine.handle(.callArrived(CallArrival(id: id, queue: "q")), at: 1).offeredAgents
                if offered == ["A"] { wins += 1 }
                _ = try h.engine.handle(.callerAbandoned(id), at: 1)
            }
            return wins
        }
        let share = Double(winsA) / Double(draws)
        #expect(abs(share - 0.75) <= 0.01, "A won \(share)")
    }
}
