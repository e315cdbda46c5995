import AMI
import AsteriskSimulator
import Testing

/// A connected caller sent back into the queue (blind transfer to the queue): the caller's channel
/// lives on and app_queue connects it again, to the same member when it is the only one free.
extension QueueFlowTests {
    @Test("a caller transferred back to the queue: AgentComplete Reason transfer, the same Uniqueid joins again, a second AgentConnect with a new agent leg")
    func transferBackToQueue() throws {
        var pbx = Self.pbx(ringSeconds: 1, pausing: ["Local/1002@agents/n"])
        pbx.originate(Self.request("a"))
        let first = CaptureScenario.run(&pbx, seconds: 30)
        let connect = try #require(first.first { $0.isEvent(named: "AgentConnect") })
        #expect(pbx.calls["a"]?.phase == .connected)
        let unknownCaller = pbx.transferToQueue("nobody")
        let unknownQueue = pbx.transferToQueue("a", queue: "no-such-queue")
        #expect(!unknownCaller && !unknownQueue)

        let transferred = pbx.transferToQueue("a")
        #expect(transferred)
        let handedOn = pbx.drainEvents()
        let complete = try #require(handedOn.first { $0.isEvent(named: "AgentComplete") })
        #expect(complete["Uniqueid"] == "a" && complete["Reason"] == "transfer" && complete["MemberName"] == "Alice")
        #expect(complete["DestUniqueid"] == connect["DestUniqueid"])
        let join = try #require(handedOn.first { $0.isEvent(named: "QueueCallerJoin") })
        #expect(join["Uniqueid"] == "a" && join["Queue"] == "support")
        #expect(!handedOn.contains { $0.isEvent(named: "Hangup") && $0["Uniqueid"] == "a" })
        #expect(pbx.channels["a"] != nil && pbx.calls["a"]?.phase != .connected)
        let twice = pbx.transferToQueue("a")
        #expect(!twice, "not connected any more")

        let second = CaptureScenario.run(&pbx, seconds: 30)
        let again = try #require(second.first { $0.isEvent(named: "AgentConnect") })
        #expect(again["Uniqueid"] == "a" && again["MemberName"] == "Alice")
        #expect(again["DestUniqueid"] != nil && again["DestUniqueid"] != connect["DestUniqueid"])
        #expect(again["DestLinkedid"] == connect["DestLinkedid"])
        #expect(pbx.calls["a"]?.phase == .connected)
    }
}
