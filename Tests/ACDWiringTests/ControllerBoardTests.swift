import ARI
import AsteriskSimulator
import CTICore
import Telephony
import Testing

/// The wallboard reads the whole ACD in one call to the controller.
@Suite("ACD controller over ARI: the wallboard's reading")
struct ControllerBoardTests {
    @Test("one reading: queues in the order asked (unknown ones left out), each agent's state (nil when unknown)")
    func boardReading() async throws {
        let configuration = ACDConfiguration(
            queues: [QueueConfiguration(id: "sales", ringTimeout: 30), QueueConfiguration(id: "support", ringTimeout: 30)],
            agents: Site.agents(["a1", "a2", "a3"], in: ["sales", "support"]))
        try await ControllerFixture.with(configuration) { fx in
            fx.simulator.setEndpointBehaviour(.neverAnswer, for: "PJSIP/1001")
            try await fx.controller.login("a1")
            try await fx.controller.login("a2")
            try await fx.controller.pause("a2", reason: "lunch")
            let (_, call, _) = try await fx.queueCaller("sales")
            #expect(await fx.log.next { if case .offered("a1", let info, _) = $0 { info.id == call ? true : nil } else { nil } } == true)

            let reading = await fx.controller.board(queues: ["support", "nope", "sales"], agents: ["a1", "a2", "a3", "ghost"])
            #expect(reading.queues.map(\.snapshot.queue) == ["support", "sales"])
            let sales = try #require(reading.queues.last)
            #expect(sales.snapshot.waiting == 1)
            #expect(sales.statistics.offered == 1)
            #expect(reading.queues.first?.snapshot.waiting == 0)
            #expect(reading.agentStates.map { $0?.kind } == [.offered, .paused, .loggedOut, nil])
            #expect(reading.agentStates[1] == .paused(reason: "lunch"))
            // The same figures as asking one by one.
            for (agent, state) in zip(["a1", "a2", "a3"] as [AgentID], reading.agentStates) {
                #expect(await fx.controller.state(of: agent) == state)
            }
            #expect(await fx.controller.snapshot(of: "sales") == sales.snapshot)
        }
    }
}
