import CTICore
import Foundation
import Telephony
import TestSupport
import Testing

@Suite("ACD clock origin")
struct ACDClockOriginTests {
    @Test("an injected clock counts from its origin, and sleeps until instants counted from it")
    func injectedClockCountsFromItsOrigin() async throws {
        let manual = ManualClock()
        let clock = ACDClock(manual, origin: 1_800_000_000)
        #expect(clock.now() == ACDInstant(seconds: 1_800_000_000))
        manual.advance(by: .seconds(90))
        #expect(clock.now() == ACDInstant(seconds: 1_800_000_090))
        let woke = Task { try await clock.sleep(until: ACDInstant(seconds: 1_800_000_100)) }
        manual.advance(by: .seconds(10))
        try await woke.value
        #expect(clock.now() == ACDInstant(seconds: 1_800_000_100))
    }

    @Test("the real clock reads the wall clock, so statistics intervals start on the clock's half hours (the default interval)")
    func continuousClockReadsTheWallClock() async throws {
        let before = Date().timeIntervalSince1970
        let now = ACDClock.continuous().now().seconds
        let after = Date().timeIntervalSince1970
        #expect(now >= before - 0.001 && now <= after + 0.001)

        let queue = QueueConfiguration(id: "support")
        var engine = try ACDEngine(
            configuration: ACDConfiguration(queues: [queue], agents: [AgentConfiguration(id: "a1", memberships: [.init("support")])]),
            start: ACDInstant(seconds: now))
        _ = try engine.handle(.callArrived(CallArrival(id: "c1", queue: "support")), at: ACDInstant(seconds: now))
        let intervals = try #require(engine.intervals(ofQueue: "support"))
        let start = try #require(intervals.first?.start.seconds)
        #expect(start.truncatingRemainder(dividingBy: 1800) == 0, "interval starts at \(start)")
        #expect(start <= now && now < start + 1800)
    }
}
