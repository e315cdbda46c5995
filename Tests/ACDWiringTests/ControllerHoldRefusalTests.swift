import ARI
import AsteriskSimulator
import CTICore
import Telephony
import Testing

/// The caller is put on hold while the offer goes out (so the pop does not wait for that
/// request); when Asterisk refuses the hold, the call is withdrawn as if the caller had gone.
@Suite("ACD controller over ARI: hold refused")
struct ControllerHoldRefusalTests {
    @Test("a caller Asterisk cannot put on hold is refused, and the offer already made is withdrawn")
    func holdRefused() async throws {
        let queue = QueueConfiguration(id: "sales", ringTimeout: 30)
        try await ControllerFixture.with(Site.one(queue: queue, agents: ["a1"])) { fx in
            fx.simulator.setEndpointBehaviour(.neverAnswer, for: "PJSIP/1001")
            try await fx.controller.login("a1")
            // A channel Asterisk does not have: addChannel answers 400 "Channel not found".
            let error = await #expect(throws: ACDControllerError.self) {
                _ = try await fx.controller.enqueue(ACDEnqueueRequest(channelID: "gone-1", queue: "sales", callerNumber: "+84900000001"))
            }
            #expect(error?.code == .asterisk)
            #expect(error?.message.contains("putting gone-1 on hold") == true)
            #expect(await fx.log.next { if case .offered("a1", let info, _) = $0 { info.id.rawValue } else { nil } } == "gone-1")
            #expect(await fx.log.next { if case .abandoned("gone-1", "sales", _) = $0 { true } else { nil } } == true)
            #expect(await fx.controller.snapshot(of: "sales")?.waiting == 0)
            #expect(await fx.log.until { events in
                events.last { if case .agentState("a1", _) = $0 { true } else { false } } == .agentState("a1", .ready)
            })
            let rung = await fx.log.until(timeout: .seconds(20)) { _ in fx.simulator.channelIDs(named: "PJSIP/1001").isEmpty }
            #expect(rung, "the agent's ringing leg was hung up")

            // The agent takes the next caller as usual.
            let (_, call, _) = try await fx.queueCaller("sales")
            #expect(await fx.log.next { if case .offered("a1", let info, _) = $0 { info.id == call ? true : nil } else { nil } } == true)
        }
    }
}
