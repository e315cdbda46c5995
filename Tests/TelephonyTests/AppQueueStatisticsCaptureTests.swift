import AMI
import CTICore
import Telephony
import Testing

/// The real Asterisk 22 capture through the observer-mode statistics engine, each event at its own `Timestamp`.
extension AppQueueEventTests {
    @Test("the capture's queue call gives one offered, answered and handled call; Carol's lunch pause is timed")
    func captureStatistics() throws {
        var engine = AppQueueStatistics()
        var last = 0.0
        for message in try events() {
            guard let event = AppQueueEvent(message), let stamp = message["Timestamp"].flatMap({ Double($0) }) else { continue }
            engine.apply(event, at: ACDInstant(seconds: stamp))
            last = stamp
        }
        let joined = 1_795_370_461.083726, connected = 1_795_370_462.086038, completed = 1_795_370_483.577107
        #expect(last >= completed)
        let intervals = try #require(engine.intervals(ofQueue: "support", at: ACDInstant(seconds: completed + 10)))
        #expect(intervals.map { $0.start.seconds } == [1_795_370_400])  // 18:00 UTC, the half hour holding the join
        let q = try #require(intervals.first?.statistics)
        #expect(q.offered == 1 && q.answered == 1 && q.answeredWithinThreshold == 1 && q.handled == 1)
        #expect(q.abandoned == 0 && q.overflowed == 0 && q.transferred == 0)
        #expect(abs(q.answeredWaitTime - (connected - joined)) < 1e-5)
        #expect(abs(q.talkTime - (completed - connected)) < 1e-5)
        // Asterisk's own whole seconds agree: HoldTime 1, TalkTime 21.
        #expect(q.answeredWaitTime.rounded(.down) == 1 && q.talkTime.rounded(.down) == 21)
        #expect(q.wrapUpTime == 0)  // Wrapuptime 0 and no queue wrap-up configured

        let bob = try #require(engine.intervals(ofAgent: "Bob", at: ACDInstant(seconds: completed + 10))?.first?.statistics)
        #expect(bob.handled == 1 && bob.missedOffers == 0)
        #expect(abs((bob.stateTime[.onCall] ?? 0) - (completed - connected)) < 1e-5)
        #expect(abs((bob.stateTime[.offered] ?? 0) - (connected - 1_795_370_461.083895)) < 1e-5)

        // Carol joined, paused for lunch, unpaused and left: logged out since.
        let carol = try #require(engine.intervals(ofAgent: "Carol", at: ACDInstant(seconds: completed + 10))?.first?.statistics)
        #expect(abs((carol.pauseTime["lunch"] ?? 0) - (1_795_370_480.370310 - 1_795_370_460.480992)) < 1e-5)
        #expect(engine.state(of: "Carol") == .loggedOut)
        #expect(engine.intervals(ofQueue: "sales", at: ACDInstant(seconds: completed)) == nil)
    }
}
