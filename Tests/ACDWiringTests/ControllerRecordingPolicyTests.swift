import ARI
import AsteriskSimulator
import CTICore
import Telephony
import Testing

@Suite("ACD controller over ARI: recording policy per queue", .serialized)
struct ControllerRecordingPolicyTests {
    @Test("a queue with recording off bridges the call without recording it; the other queue still records")
    func recordingOff() async throws {
        let sales = QueueConfiguration(id: "sales", ringTimeout: 3, wrapUp: 0)
        let support = QueueConfiguration(id: "support", ringTimeout: 3, wrapUp: 0)
        let engine = ACDConfiguration(
            queues: [sales, support], agents: Site.agents(["a1"], in: ["sales"]) + Site.agents(["a2"], in: ["support"]))
        try await ControllerFixture.with(engine, prepare: { $0.recordingPolicy = RecordingPolicy(defaultMode: .all, queues: ["sales": .none]) }) { fx in
            try await fx.controller.login("a1")
            try await fx.controller.login("a2")
            let (_, quiet, _) = try await fx.queueCaller("sales")
            let (_, bridgeQuiet, recordingQuiet) = try #require(await fx.connected(quiet))
            #expect(recordingQuiet == nil)
            #expect(!fx.simulator.liveRecordings().values.contains("bridge:\(bridgeQuiet)"))
            let (_, recorded, _) = try await fx.queueCaller("support", number: "+84903111222")
            let (_, bridge, recording) = try #require(await fx.connected(recorded))
            let name = try #require(recording)
            #expect(fx.simulator.liveRecordings()[name] == "bridge:\(bridge)")
        }
    }
}
