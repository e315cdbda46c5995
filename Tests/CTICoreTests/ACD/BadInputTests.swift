import CTICore
import Testing

@Suite("ACD bad input: typed errors or documented no-ops, never a crash")
struct BadInputTests {
    private func harness() throws -> ACDHarness {
        try ACDHarness(
            queues: [QueueConfiguration(id: "q", ringTimeout: 10), QueueConfiguration(id: "other")],
            agents: [AgentConfiguration(id: "A", memberships: [member("q")]), AgentConfiguration(id: "B", memberships: [member("q")])])
    }

    private func code(_ body: () throws -> Void) -> ACDError.Code? {
        do {
            try body()
            return nil
        } catch let error as ACDError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test("unknown ids")
    func unknownIDs() throws {
        var h = try harness()
        #expect(code { try h.arrive("c1", "nope", at: 0) } == .unknownQueue)
        #expect(code { try h.at(0, .login("Z")) } == .unknownAgent)
        #expect(code { try h.at(0, .login("A", queues: ["nope"])) } == .unknownQueue)
        #expect(code { try h.at(0, .callerAbandoned("ghost")) } == .unknownCall)
        #expect(code { try h.at(0, .offerAnswered("ghost", agent: "A")) } == .unknownCall)
        #expect(code { try h.at(0, .callEnded("ghost")) } == .unknownCall)
        #expect(code { try h.arrive("c1", "q", at: 0, preferred: ["Z"]) } == .unknownAgent)
        #expect(h.engine.state(of: "Z") == nil)
        #expect(h.engine.snapshot(of: "nope") == nil)
        #expect(h.engine.statistics(ofQueue: "nope") == nil)
    }

    @Test("duplicate logins, logouts and membership errors")
    func logins() throws {
        var h = try harness()
        try h.at(0, .login("A"))
        #expect(code { try h.at(1, .login("A")) } == .alreadyLoggedIn)
        #expect(code { try h.at(1, .login("A", queues: ["q"])) } == .alreadyLoggedIn)
        #expect(code { try h.at(1, .login("A", queues: ["other"])) } == .notAMember)
        #expect(code { try h.at(1, .logout("B")) } == .notLoggedIn)
        #expect(code { try h.at(1, .pause("B", reason: "x")) } == .notLoggedIn)
        #expect(code { try h.at(1, .ready("B")) } == .notLoggedIn)
        #expect(code { try h.at(1, .pause("A", reason: "x", queues: ["other"])) } == .notAMember)
        #expect(h.engine.state(of: "A") == .ready)
        // Documented no-ops: unpausing when not paused, ending wrap-up when not in it.
        #expect(try h.at(2, .unpause("A")).isEmpty)
        #expect(try h.at(2, .wrapUpEnded("A")).isEmpty)
    }

    @Test("events in impossible states")
    func impossibleStates() throws {
        var h = try harness()
        try h.at(0, .login("A"))
        #expect(code { try h.arrive("c1", "q", at: 1) } == nil)
        #expect(code { try h.arrive("c1", "q", at: 1) } == .duplicateCall)
        #expect(code { try h.at(1, .offerAnswered("c1", agent: "B")) } == .invalidState)
        #expect(code { try h.at(1, .callEnded("c1")) } == .invalidState)
        try h.at(2, .offerAnswered("c1", agent: "A"))
        #expect(code { try h.at(2, .offerAnswered("c1", agent: "A")) } == .invalidState)
        #expect(code { try h.at(2, .callerAbandoned("c1")) } == .invalidState)
        #expect(code { try h.at(2, .callbackRequested("c1")) } == .invalidState)
        #expect(code { try h.at(2, .offerNotAnswered("c1", agent: "A")) } == .invalidState)
        #expect(code { try h.at(1, .tick) } == .timeWentBackwards)
        #expect(h.engine.state(of: "A") == .onCall("c1"))
    }

    @Test("a refused event changes nothing, and timers that ran before it still report")
    func refusedEventKeepsState() throws {
        var h = try harness()
        try h.at(0, .login("A"))
        #expect(try h.arrive("c1", "q", at: 0).offeredAgents == ["A"])
        // The ring timeout at 10 runs before the bad event at 12; its decisions come with the next call.
        #expect(code { try h.at(12, .login("Z")) } == .unknownAgent)
        let before = h.engine.waitingCalls(in: "q")
        #expect(code { try h.at(12, .logout("B")) } == .notLoggedIn)
        #expect(h.engine.waitingCalls(in: "q") == before)
        let next = try h.at(13, .tick)
        #expect(next.contains(.cancelOffers("c1", agents: ["A"])))
        #expect(h.engine.statistics(ofAgent: "A")?.missedOffers == 1)
    }

    @Test("invalid configurations are refused")
    func configurations() {
        #expect(throws: ACDError.self) {
            try ACDEngine(configuration: ACDConfiguration(queues: [QueueConfiguration(id: "q"), QueueConfiguration(id: "q")], agents: []))
        }
        #expect(throws: ACDError.self) {
            try ACDEngine(configuration: ACDConfiguration(queues: [QueueConfiguration(id: "q", overflow: .init(to: "nowhere", after: 5))], agents: []))
        }
        #expect(throws: ACDError.self) {
            try ACDEngine(configuration: ACDConfiguration(
                queues: [QueueConfiguration(id: "q")], agents: [AgentConfiguration(id: "A", memberships: [member("x")])]))
        }
        #expect(throws: ACDError.self) {
            try ACDEngine(configuration: ACDConfiguration(queues: [QueueConfiguration(id: "q", ringTimeout: 0)], agents: []))
        }
        #expect(PenaltyRule(parsing: "soon,+3") == nil)
        #expect(PenaltyRule(parsing: "60,5,-1") == PenaltyRule(after: 60, maximum: .absolute(5), minimum: .relative(-1)))
    }

    @Test("two queues overflowing into each other stop after the hop limit")
    func overflowLoop() throws {
        var h = try ACDHarness(
            queues: [
                QueueConfiguration(id: "a", overflow: .init(to: "b", after: 1)),
                QueueConfiguration(id: "b", overflow: .init(to: "a", after: 1)),
            ],
            agents: [])
        try h.arrive("c1", "a", at: 0)
        try h.at(1_000, .tick)
        let moves = h.log.filter { if case .overflow = $0.decision { true } else { false } }
        #expect(moves.count == 16)
        #expect(h.engine.nextTimer == nil)
    }
}
