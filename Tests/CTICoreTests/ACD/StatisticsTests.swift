import CTICore
import Testing

@Suite("ACD statistics through the engine (domain.md golden 15-16)")
struct StatisticsTests {
    private func percent(_ value: Double?) -> Double { ((value ?? -1) * 10_000).rounded() / 100 }

    /// One agent, paused between calls; each call waits exactly `wait` seconds.
    private func answered(_ h: inout ACDHarness, _ id: CallID, at start: Double, wait: Double) throws {
        try h.arrive(id, "q", at: ACDInstant(seconds: start))
        let offers = try h.at(ACDInstant(seconds: start + wait), .unpause("A")).offers
        guard offers.map(\.call) == [id] else { throw ACDError(.invalidState, "expected an offer of \(id), got \(offers)") }
        try h.at(ACDInstant(seconds: start + wait), .offerAnswered(id, agent: "A"))
        try h.at(ACDInstant(seconds: start + wait), .pause("A", reason: "between calls"))
        try h.at(ACDInstant(seconds: start + wait + 5), .callEnded(id))
    }

    @Test("15 service-level variants from 1000 answered (860 within 20 s) and 60 abandoned (20 within 20 s, 10 under 5 s)")
    func serviceLevelVariants() throws {
        var h = try ACDHarness(queues: [QueueConfiguration(id: "q")], agents: [AgentConfiguration(id: "A", memberships: [member("q")])])
        try h.login(["A"], at: 0)
        try h.at(0, .pause("A", reason: "between calls"))
        var clock = 10.0
        for n in 0..<1000 {
            try answered(&h, CallID("a\(n)"), at: clock, wait: n < 860 ? 12 : 35)
            clock += 100
        }
        let abandonWaits = Array(repeating: 3.0, count: 10) + Array(repeating: 15.0, count: 10) + Array(repeating: 50.0, count: 40)
        for (n, wait) in abandonWaits.enumerated() {
            try h.arrive(CallID("x\(n)"), "q", at: ACDInstant(seconds: clock))
            try h.at(ACDInstant(seconds: clock + wait), .callerAbandoned(CallID("x\(n)")))
            clock += 100
        }
        let stats = try #require(h.engine.statistics(ofQueue: "q"))
        #expect(stats.offered == 1060)
        #expect(stats.serviceLevelCounts
            == ServiceLevelCounts(answered: 1000, answeredWithinThreshold: 860, abandoned: 60, abandonedWithinThreshold: 20, shortAbandons: 10))
        #expect(percent(stats.serviceLevel(.answeredAndAbandonedWithinOverOffered)) == 83.02)
        #expect(percent(stats.serviceLevel(.answeredOverAnswered)) == 86.00)
        #expect(percent(stats.serviceLevel(.answeredOverOffered)) == 81.13)
        #expect(percent(stats.serviceLevel(.answeredOverAnsweredAndLateAbandons)) == 82.69)
        #expect(percent(stats.serviceLevel(.answeredAndShortAbandonsOverOffered)) == 82.08)
        #expect(percent(stats.serviceLevel()) == 81.90)
        #expect(percent(stats.abandonRate(excludingShortAbandons: false)) == 5.66)
        #expect(percent(stats.abandonRate()) == 4.76)
        // ASA counts answered waits only: (860·12 + 140·35) / 1000.
        let expectedASA: Double = (860 * 12 + 140 * 35) / 1000
        #expect(stats.averageSpeedOfAnswer == expectedASA)
        #expect(stats.longestAnsweredWait == 35)
    }

    @Test("16 AHT: talk 300/200/100, hold 30/0/20, ACW 60/30/60 → 266.67 s; abandoned waits stay out of ASA")
    func averageHandleTime() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", wrapUp: 60)], agents: [AgentConfiguration(id: "A", memberships: [member("q")])])
        try h.login(["A"], at: 0)
        // Call 1: waits 0, talk 300 + hold 30, full 60 s wrap-up.
        try h.arrive("c1", "q", at: 0)
        try h.at(0, .offerAnswered("c1", agent: "A"))
        try h.at(330, .callEnded("c1", hold: 30))
        // Call 2 waits from 350 to 390 (wrap-up ended by timer at 390), talk 200, wrap-up ended after 30 s.
        try h.arrive("c2", "q", at: 350)
        #expect(try h.at(390, .tick).offers.map(\.call) == ["c2"])
        try h.at(390, .offerAnswered("c2", agent: "A"))
        try h.at(590, .callEnded("c2", transferred: true))
        try h.at(620, .wrapUpEnded("A"))
        // An abandon with a long wait while A is paused.
        try h.at(620, .pause("A", reason: "meeting"))
        try h.arrive("gone", "q", at: 700)
        try h.at(1000, .callerAbandoned("gone"))
        // Call 3 waits 20, talk 100 + hold 20, full wrap-up.
        try h.arrive("c3", "q", at: 1000)
        try h.at(1020, .unpause("A"))
        try h.at(1020, .offerAnswered("c3", agent: "A"))
        try h.at(1140, .callEnded("c3", hold: 20))
        try h.at(1200, .tick)

        let stats = try #require(h.engine.statistics(ofQueue: "q"))
        #expect(stats.handled == 3)
        #expect(stats.talkTime == 600)
        #expect(stats.holdTime == 50)
        #expect(stats.wrapUpTime == 150)
        #expect(((stats.averageHandleTime ?? 0) * 100).rounded() / 100 == 266.67)
        #expect(stats.averageSpeedOfAnswer == 20)  // (0 + 40 + 20) / 3; the 300 s abandon is not in it
        #expect(stats.abandonedWaitTime == 300)
        #expect(stats.transferRate == 1.0 / 3.0)
        let agent = try #require(h.engine.statistics(ofAgent: "A"))
        #expect(agent.handled == 3)
        #expect(agent.talkTime + agent.holdTime + agent.wrapUpTime == 800)
    }

    @Test("occupancy from state times, split at interval boundaries; an interval owns a call by its arrival")
    func occupancyAndIntervals() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q", wrapUp: 60)], agents: [AgentConfiguration(id: "A", memberships: [member("q")])],
            interval: .fifteenMinutes)
        try h.login(["A"], at: 700)
        try h.arrive("c1", "q", at: 890)
        try h.at(895, .offerAnswered("c1", agent: "A"))
        try h.at(1195, .callEnded("c1"))
        try h.at(1255, .tick)
        try h.at(1300, .pause("A", reason: "lunch"))
        try h.at(1500, .logout("A"))

        let all = try #require(h.engine.statistics(ofAgent: "A"))
        #expect(all.stateTime[.ready] == 235)  // 700-890 and 1255-1300
        #expect(all.stateTime[.offered] == 5)
        #expect(all.stateTime[.onCall] == 300)
        #expect(all.stateTime[.wrapUp] == 60)
        #expect(all.pauseTime["lunch"] == 200)
        #expect(all.loggedInTime == 800)
        #expect(all.occupancy == 360.0 / 600.0)

        let intervals = try #require(h.engine.intervals(ofAgent: "A"))
        #expect(intervals.map(\.start) == [0, 900])
        #expect(intervals[0].statistics.stateTime[.onCall] == 5)
        #expect(intervals[1].statistics.stateTime[.onCall] == 295)
        // The call arrived at 890, so interval 0 owns it although it was answered at 895 and ended in interval 1.
        let queueIntervals = try #require(h.engine.intervals(ofQueue: "q"))
        #expect(queueIntervals.map(\.start) == [0])
        #expect(queueIntervals[0].statistics.answered == 1)
        #expect(queueIntervals[0].statistics.wrapUpTime == 60)
        #expect(h.engine.statistics(ofQueue: "q", intervalContaining: 1000)?.offered == 0)
    }

    @Test("real-time snapshot: waiting, callbacks, longest wait and agents by state")
    func snapshot() throws {
        var h = try ACDHarness(
            queues: [QueueConfiguration(id: "q")],
            agents: ["A", "B", "C"].map { AgentConfiguration(id: AgentID($0), memberships: [member("q")]) })
        try h.login(["A", "B"], at: 0)
        try h.arrive("c1", "q", at: 10)
        try h.at(11, .offerAnswered("c1", agent: "A"))
        try h.at(12, .pause("B", reason: "break"))
        try h.arrive("c2", "q", at: 20)
        try h.arrive("c3", "q", at: 30)
        try h.at(35, .callbackRequested("c3", number: "+15550111"))
        try h.at(50, .tick)
        let snapshot = try #require(h.engine.snapshot(of: "q"))
        #expect(snapshot.waiting == 1)
        #expect(snapshot.callbacksWaiting == 1)
        #expect(snapshot.longestWait == 30)
        #expect(snapshot.agents == [.onCall: 1, .paused: 1])
        #expect(h.engine.state(of: "C") == .loggedOut)
        #expect(h.engine.state(of: "B") == .paused(reason: "break"))
    }
}
