import AsteriskSimulator
import CTICore
import Telephony
import TestSupport
import Testing

@Suite("ACD controller over ARI: injected clock")
struct ControllerClockTests {
    @Test("a 15 s ring timeout and 30 s wrap-up run on the injected clock, not the wall clock")
    func timersFollowTheInjectedClock() async throws {
        let queue = QueueConfiguration(id: "sales", strategy: .linear, ringTimeout: 15, wrapUp: 30, autoPause: .yes, autoPauseAfterMisses: 1)
        let clock = ManualClock()
        try await ControllerFixture.with(Site.one(queue: queue, agents: ["a1", "a2"]), clock: ACDClock(clock)) { fx in
            fx.simulator.setEndpointBehaviour(.neverAnswer, for: "PJSIP/1001")
            try await fx.controller.login("a1")
            try await fx.controller.login("a2")
            let (caller, call, _) = try await fx.queueCaller("sales")
            #expect(await fx.log.next { if case .offered("a1", _, _) = $0 { true } else { nil } } == true)
            try await Task.sleep(for: .milliseconds(200))
            #expect(!fx.log.all.contains { if case .autoPaused = $0 { true } else { false } }, "no simulated time has passed")
            clock.advance(by: .seconds(15))
            #expect(await fx.log.next { if case .autoPaused("a1", _, _) = $0 { true } else { nil } } == true)
            #expect(try #require(await fx.connected(call)).agent == "a2")
            let offeredA2 = fx.log.all.compactMap { event -> Double? in if case .offered("a2", _, let wait) = event { wait } else { nil } }
            #expect(offeredA2 == [15])
            try fx.simulator.hangUp(channelID: caller)
            let until = await fx.log.next { if case .wrapUp("a2", "sales", let until) = $0 { until } else { nil } }
            #expect(until == ACDInstant(seconds: 45))
            try await Task.sleep(for: .milliseconds(100))
            if case .wrapUp = await fx.controller.state(of: "a2") {} else { Issue.record("a2 should still be wrapping up") }
            clock.advance(by: .seconds(30))
            #expect(await fx.log.until { $0.last { if case .agentState("a2", _) = $0 { true } else { false } } == .agentState("a2", .ready) })
        }
    }
}
