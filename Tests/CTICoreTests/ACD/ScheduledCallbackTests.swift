import CTICore
import Testing

@Suite("ACD scheduled callbacks (asked for outside the queue)")
struct ScheduledCallbackTests {
    static let agents = [AgentConfiguration(id: "A", memberships: [member("q")]), AgentConfiguration(id: "B", memberships: [member("q")])]

    static func callback(_ id: CallID, asked: ACDInstant, queue: QueueID = "q", number: String = "5551234", priority: Int = 0) -> ACDEvent {
        .callbackScheduled(ScheduledCallback(id: id, queue: queue, number: number, priority: priority, requestedAt: asked))
    }

    @Test("its place in line is when it was asked for; the agent answers first, then the number is dialled")
    func placeInLine() throws {
        var h = try ACDHarness(queues: [QueueConfiguration(id: "q", ringTimeout: 15)], agents: Self.agents)
        try h.arrive("c1", "q", at: 10)
        let joined = try h.at(20, Self.callback("cb-1", asked: 5))
        #expect(joined.contains(.queued("cb-1", queue: "q", position: 1)), "asked for at 5, ahead of the caller who came at 10")
        let waiting = try #require(h.engine.waitingCalls(in: "q"))
        #expect(waiting.map(\.id) == ["cb-1", "c1"])
        #expect(waiting.map(\.isCallback) == [true, false])
        #expect(waiting.first?.enqueuedAt == 5 && waiting.first?.enteredQueueAt == 20)
        #expect(h.engine.snapshot(of: "q")?.callbacksWaiting == 1)

        let offers = try h.at(30, .login("A")).offers
        #expect(offers.map(\.call) == ["cb-1"] && offers.first?.isCallback == true)
        #expect(try h.at(31, .offerAnswered("cb-1", agent: "A")).contains(.dialCallback("cb-1", agent: "A", number: "5551234")))
        try h.at(90, .callEnded("cb-1"))
        let statistics = try #require(h.engine.statistics(ofQueue: "q"))
        #expect(statistics.callbacks == 1 && statistics.callbacksHandled == 1 && statistics.handled == 1)
        #expect(statistics.answered == 0 && statistics.abandoned == 0, "a callback is neither answered nor abandoned")
    }

    @Test("a request time later than now counts as now; priority still comes first")
    func futureRequestAndPriority() throws {
        var h = try ACDHarness(queues: [QueueConfiguration(id: "q")], agents: Self.agents)
        try h.arrive("c1", "q", at: 10)
        try h.at(20, Self.callback("cb-late", asked: 500))
        try h.at(21, Self.callback("cb-vip", asked: 21, priority: 10))
        let waiting = try #require(h.engine.waitingCalls(in: "q"))
        #expect(waiting.map(\.id) == ["cb-vip", "c1", "cb-late"])
        #expect(waiting.last?.enqueuedAt == 20)
    }

    @Test("no caller is turned away: neither a full queue nor one with nobody logged in refuses a callback, and it stays")
    func neverRefused() throws {
        let queue = QueueConfiguration(id: "q", maxLength: 1, joinEmpty: [.unavailable], leaveWhenEmpty: [.unavailable])
        var h = try ACDHarness(queues: [queue], agents: Self.agents)
        let refused = try h.arrive("c1", "q", at: 1)
        #expect(refused.contains(.joinRefused("c1", queue: "q", reason: .empty)), "a caller is refused with nobody logged in")
        #expect(try h.at(2, Self.callback("cb-1", asked: 0)).contains(.queued("cb-1", queue: "q", position: 1)))
        #expect(try h.at(3, Self.callback("cb-2", asked: 3)).contains(.queued("cb-2", queue: "q", position: 2)), "over maxLength")
        try h.at(600, .tick)
        #expect(h.engine.waitingCalls(in: "q")?.map(\.id) == ["cb-1", "cb-2"], "no caller to leave when empty")
        #expect(try h.at(601, .login("B")).offeredAgents == ["B"])
    }

    @Test("bad input is refused with a typed error and leaves the engine unchanged")
    func badInput() throws {
        var h = try ACDHarness(queues: [QueueConfiguration(id: "q")], agents: Self.agents)
        do {
            try h.at(1, Self.callback("cb-1", asked: 0, queue: "nowhere"))
            Issue.record("an unknown queue must be refused")
        } catch let error as ACDError {
            #expect(error.code == .unknownQueue)
        }
        do {
            try h.at(1, Self.callback("cb-1", asked: 0, number: ""))
            Issue.record("a callback without a number must be refused")
        } catch let error as ACDError {
            #expect(error.code == .invalidState)
        }
        do {
            try h.at(1, Self.callback("cb-1", asked: ACDInstant(seconds: -.infinity)))
            Issue.record("a request time that is not finite must be refused")
        } catch let error as ACDError {
            #expect(error.code == .invalidState)
        }
        #expect(h.engine.waitingCalls(in: "q")?.isEmpty == true)
        try h.at(2, Self.callback("cb-1", asked: 0))
        do {
            try h.at(3, Self.callback("cb-1", asked: 0))
            Issue.record("a second callback with the same id must be refused")
        } catch let error as ACDError {
            #expect(error.code == .duplicateCall)
        }
        do {
            try h.at(4, .callerAbandoned("cb-1"))
            Issue.record("nobody is on the line to abandon")
        } catch let error as ACDError {
            #expect(error.code == .invalidState)
        }
        #expect(h.engine.waitingCalls(in: "q")?.map(\.id) == ["cb-1"])
    }
}
