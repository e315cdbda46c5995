import CTICore
import Testing

/// The observer-mode statistics engine on scripted app_queue events, with figures computed by hand.
@Suite("app_queue interval statistics (observer mode engine)")
struct AppQueueStatisticsTests {
    /// 2026-11-22 18:00:00 UTC: a 15-minute boundary, so t = 0…900 is the first interval.
    static let base = 1_795_370_400.0

    /// Replays `(t, event)` pairs at `base + t`.
    struct Script {
        var engine: AppQueueStatistics

        init(wrapUp: Double = 10) {
            engine = AppQueueStatistics(configuration: AppQueueStatisticsConfiguration(
                interval: .fifteenMinutes, queues: [QueueConfiguration(id: "support", wrapUp: wrapUp)]))
        }

        mutating func at(_ t: Double, _ events: AppQueueEvent...) {
            for event in events { engine.apply(event, at: ACDInstant(seconds: base + t)) }
        }

        mutating func hold(_ t: Double, _ held: Bool, channel: String, linkedID: String? = nil) {
            engine.applyHold(held, channel: channel, linkedID: linkedID, at: ACDInstant(seconds: base + t))
        }

        func queue(_ name: QueueID, at t: Double) -> [(start: Double, statistics: QueueStatistics)]? {
            engine.intervals(ofQueue: name, at: ACDInstant(seconds: base + t))?.map { ($0.start.seconds - base, $0.statistics) }
        }

        func agent(_ name: AgentID, at t: Double) -> [(start: Double, statistics: AgentStatistics)]? {
            engine.intervals(ofAgent: name, at: ACDInstant(seconds: base + t))?.map { ($0.start.seconds - base, $0.statistics) }
        }
    }

    static func leg(_ caller: String, _ member: String, queue: String = "support") -> AgentLegInfo {
        AgentLegInfo(queue: queue, callerUniqueID: caller, memberName: member, interface: "PJSIP/\(member)")
    }

    static func member(_ name: String, queue: String = "support", paused: Bool = false, reason: String = "", wrapUp: Int = 0) -> QueueMemberInfo {
        QueueMemberInfo(queue: queue, name: name, interface: "PJSIP/\(name)", paused: paused, pausedReason: reason, wrapUpSeconds: wrapUp)
    }

    static func join(_ caller: String, queue: String = "support") -> AppQueueEvent {
        .callerJoined(caller: caller, queue: queue, position: 1, count: 1)
    }

    static func left(_ caller: String, queue: String = "support") -> AppQueueEvent {
        .callerLeft(caller: caller, queue: queue, position: 1, count: 0)
    }

    /// Alice and Bob in `support` (wrap-up 10 s; Bob's own Wrapuptime 15 s), 15-minute intervals:
    /// c1 rings Alice (no answer), then Bob who answers at 20 s, holds 60–80 from his phone (found
    /// by the Linkedid) and transfers it; c2 abandons after
    /// 3 s (short), c3 after 30 s; Alice takes lunch 200–500; c4 arrives at 880 and is talked
    /// across the 900 s boundary.
    static func day() -> Script {
        var s = Script()
        s.at(0, .memberChanged(member("Alice"), kind: "Added"), .memberChanged(member("Bob", wrapUp: 15), kind: "Added"))
        s.at(10, join("c1"))
        s.at(12, .agentCalled(leg("c1", "Alice")))
        s.at(27, .agentRingNoAnswer(leg("c1", "Alice"), ringSeconds: 15))
        s.at(28, .agentCalled(leg("c1", "Bob")))
        s.at(30, left("c1"), .agentConnected(leg("c1", "Bob"), holdSeconds: 20, ringSeconds: 2))
        s.at(40, join("c2"))
        s.at(43, .callerAbandoned(caller: "c2", queue: "support", position: 1, originalPosition: 1, holdSeconds: 3))
        s.at(50, join("c3"))
        s.hold(60, true, channel: "bob-phone", linkedID: "c1")
        s.at(80, .callerAbandoned(caller: "c3", queue: "support", position: 1, originalPosition: 1, holdSeconds: 30))
        s.hold(80, false, channel: "bob-phone", linkedID: "c1")
        s.at(130, .agentCompleted(leg("c1", "Bob"), holdSeconds: 20, talkSeconds: 100, reason: "transfer"))
        s.at(200, .memberChanged(member("Alice", paused: true, reason: "lunch"), kind: "Pause"))
        s.at(500, .memberChanged(member("Alice"), kind: "Pause"))
        s.at(880, join("c4"))
        s.at(885, .agentCalled(leg("c4", "Alice")))
        s.at(890, left("c4"), .agentConnected(leg("c4", "Alice"), holdSeconds: 10, ringSeconds: 5))
        s.at(1000, .agentCompleted(leg("c4", "Alice"), holdSeconds: 10, talkSeconds: 110, reason: "caller"))
        return s
    }

    @Test("queue figures: offered, answered, short and long abandons, ASA, AHT with hold and derived wrap-up, transfers")
    func queueFigures() throws {
        let intervals = try #require(Self.day().queue("support", at: 1100))
        #expect(intervals.map { $0.start } == [0])  // every call arrived in the first interval
        let q = try #require(intervals.first?.statistics)
        #expect(q.offered == 4)
        #expect(q.answered == 2 && q.answeredWithinThreshold == 2)  // waits 20 s (= threshold) and 10 s
        #expect(q.answeredWaitTime == 30 && q.longestAnsweredWait == 20)
        #expect(q.abandoned == 2 && q.abandonedWithinThreshold == 1 && q.shortAbandons == 1)
        #expect(q.abandonedWaitTime == 33)
        #expect(q.overflowed == 0)
        #expect(q.handled == 2 && q.talkTime == 190 && q.holdTime == 20)  // c1: 100 s connected, 20 of them on hold
        #expect(q.wrapUpTime == 25)  // Bob's own 15 s, Alice's queue default 10 s
        #expect(q.transferred == 1)
        #expect(q.averageSpeedOfAnswer == 15)
        #expect(q.averageHandleTime == 117.5)
        #expect(q.transferRate == 0.5)
        #expect(q.serviceLevel() == 2.0 / 3.0)  // 2 within 20 s / (4 − 1 short)
        #expect(q.serviceLevel(.answeredOverAnswered) == 1)
        #expect(q.abandonRate() == 1.0 / 3.0)
        #expect(q.abandonRate(excludingShortAbandons: false) == 0.5)
    }

    @Test("agent figures: missed offer, pause by reason, a call split across two intervals, occupancy")
    func agentFigures() throws {
        let script = Self.day()
        let alice = try #require(script.agent("Alice", at: 1100))
        #expect(alice.map { $0.start } == [0, 900])
        let first = alice[0].statistics
        #expect(first.stateTime == [.ready: 570, .offered: 20, .paused: 300, .onCall: 10])
        #expect(first.pauseTime == ["lunch": 300])
        #expect(first.missedOffers == 1)
        #expect(first.handled == 1 && first.talkTime == 110 && first.wrapUpTime == 10)  // c4 arrived in the first interval
        #expect(first.occupancy == 10.0 / 600.0)
        let second = alice[1].statistics
        #expect(second.stateTime == [.onCall: 100, .wrapUp: 10, .ready: 90])  // current state counted up to t = 1100
        #expect(second.handled == 0 && second.missedOffers == 0)
        #expect(second.occupancy == 110.0 / 200.0)

        let bob = try #require(script.agent("Bob", at: 1100))
        #expect(bob.map { $0.start } == [0, 900])
        #expect(bob[0].statistics.stateTime == [.ready: 783, .offered: 2, .onCall: 100, .wrapUp: 15])
        #expect(bob[0].statistics.handled == 1 && bob[0].statistics.talkTime == 80 && bob[0].statistics.holdTime == 20)
        #expect(bob[0].statistics.wrapUpTime == 15)
        #expect(bob[0].statistics.missedOffers == 0)
        #expect(bob[0].statistics.occupancy == 115.0 / 900.0)
        #expect(bob[1].statistics.stateTime == [.ready: 200])
        #expect(script.engine.state(of: "Alice") == .wrapUp(until: ACDInstant(seconds: Self.base + 1010)))  // not yet moved past 1010
    }

    @Test("unknown queues and agents are nil; a configured queue with no calls has no intervals")
    func unknown() {
        let script = Self.day()
        #expect(script.queue("sales", at: 1100) == nil)
        #expect(script.agent("Carol", at: 1100) == nil)
        let quiet = Script()
        #expect(quiet.queue("support", at: 0)?.isEmpty == true)
    }

    @Test("ringall: the colleague whose phone stops ringing did not miss; a caller timing out is overflowed")
    func ringAllAndTimeout() throws {
        var s = Script(wrapUp: 0)
        s.at(0, .memberChanged(Self.member("Alice"), kind: "Added"), .memberChanged(Self.member("Bob"), kind: "Added"))
        s.at(100, Self.join("c1"))
        s.at(101, .agentCalled(Self.leg("c1", "Alice")), .agentCalled(Self.leg("c1", "Bob")))
        s.at(125, Self.left("c1"), .agentConnected(Self.leg("c1", "Alice"), holdSeconds: 25, ringSeconds: 24))
        #expect(s.engine.state(of: "Bob") == .ready)
        s.at(200, .agentCompleted(Self.leg("c1", "Alice"), holdSeconds: 25, talkSeconds: 75, reason: "agent"))
        // c2 waits with nobody free and leaves at app_queue's timeout: neither answered nor abandoned.
        s.at(300, Self.join("c2"))
        s.at(360, Self.left("c2"))
        // c3 is rung on Bob when it times out: settled as overflowed once the ringing stops.
        s.at(400, Self.join("c3"))
        s.at(401, .agentCalled(Self.leg("c3", "Bob")))
        s.at(430, Self.left("c3"))
        s.at(431, .agentRingNoAnswer(Self.leg("c3", "Bob"), ringSeconds: 30))
        let q = try #require(s.queue("support", at: 500)?.first?.statistics)
        #expect(q.offered == 3 && q.answered == 1 && q.answeredWithinThreshold == 0 && q.overflowed == 2 && q.abandoned == 0)
        #expect(q.answeredWaitTime == 25 && q.talkTime == 75 && q.wrapUpTime == 0)
        #expect(q.serviceLevel() == 0)
        let bob = try #require(s.agent("Bob", at: 500)?.first?.statistics)
        #expect(bob.missedOffers == 1)  // c3 only
        #expect(bob.stateTime == [.ready: 446, .offered: 54])
        #expect(bob.occupancy == 0)
    }

    @Test("a call whose join and connect were missed is booked from Asterisk's HoldTime and TalkTime")
    func missedStart() throws {
        var s = Script(wrapUp: 0)
        s.at(600, .agentCompleted(Self.leg("c9", "Alice"), holdSeconds: 12, talkSeconds: 90, reason: "caller"))
        let q = try #require(s.queue("support", at: 600)?.first?.statistics)
        #expect(q.offered == 1 && q.answered == 1 && q.answeredWaitTime == 12 && q.talkTime == 90 && q.handled == 1)
        #expect(s.agent("Alice", at: 600)?.first?.statistics.handled == 1)
    }

    @Test("a member removed from every queue is logged out; resync replaces the member records")
    func membership() throws {
        var s = Script()
        s.at(0, .memberChanged(Self.member("Alice"), kind: "Added"), .memberChanged(Self.member("Bob"), kind: "Added"))
        s.at(60, .memberChanged(Self.member("Alice"), kind: "Removed"))
        #expect(s.engine.state(of: "Alice") == .loggedOut)
        s.engine.resync(members: [Self.member("Alice", paused: true, reason: "training")], at: ACDInstant(seconds: Self.base + 100))
        #expect(s.engine.state(of: "Alice") == .paused(reason: "training"))
        #expect(s.engine.state(of: "Bob") == .loggedOut)
        let alice = try #require(s.agent("Alice", at: 130)?.first?.statistics)
        #expect(alice.stateTime == [.ready: 60, .loggedOut: 40, .paused: 30])
        #expect(alice.pauseTime == ["training": 30])
        #expect(alice.loggedInTime == 90)
    }

    @Test("hold from Hold/Unhold on the agent leg, still on hold at the end; other channels and waiting callers are ignored")
    func holdTime() throws {
        var s = Script(wrapUp: 0)
        s.at(0, .memberChanged(Self.member("Alice"), kind: "Added"))
        s.at(10, Self.join("c1"))
        s.hold(11, true, channel: "c1")  // waiting, not connected: no hold
        s.at(12, .agentCalled(Self.leg("c1", "Alice")))
        var leg = Self.leg("c1", "Alice")
        leg.agentUniqueID = "alice-leg"
        s.at(15, Self.left("c1"), .agentConnected(leg, holdSeconds: 5, ringSeconds: 3))
        s.hold(20, true, channel: "someone-else", linkedID: "other-call")
        s.hold(30, true, channel: "alice-leg")
        s.hold(35, true, channel: "c1")  // already on hold
        s.hold(40, false, channel: "c1")
        s.hold(50, true, channel: "alice-leg")
        s.at(65, .agentCompleted(Self.leg("c1", "Alice"), holdSeconds: 5, talkSeconds: 50, reason: "agent"))
        let q = try #require(s.queue("support", at: 70)?.first?.statistics)
        #expect(q.holdTime == 25 && q.talkTime == 25)  // held 30–40 and 50–65 of 15–65
        #expect(q.averageHandleTime == 50)
        let alice = try #require(s.agent("Alice", at: 70)?.first?.statistics)
        #expect(alice.holdTime == 25 && alice.talkTime == 25 && alice.stateTime[.onCall] == 50)
    }
}
