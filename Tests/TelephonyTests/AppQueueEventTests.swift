import AMI
import CTICore
import NIOCore
import NIOEmbedded
import Telephony
import Testing
import TestSupport

@Suite("app_queue events with their units")
struct AppQueueEventTests {
    func events() throws -> [AMIMessage] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(AMIFrameDecoder()))
        try channel.writeInbound(ByteBuffer(bytes: try Fixtures.bytes("ami-queue-call.raw")))
        var result: [AMIMessage] = []
        while let frame = try channel.readInbound(as: AMIFrame.self) {
            if case .message(let message) = frame, message.isEvent { result.append(message) }
        }
        return result
    }

    @Test("the capture's queue call reads as join, called, connected, completed")
    func capture() throws {
        let parsed = try events().compactMap(AppQueueEvent.init)
        let kinds = parsed.compactMap { event -> String? in
            switch event {
            case .callerJoined(let caller, "support", 1, 1) where caller == "cap-caller-1": "join"
            case .agentCalled(let info) where info.memberName == "Bob": "called"
            case .callerLeft(_, "support", 1, 0): "left"
            case .agentConnected(let info, 1, 1) where info.interface == "Local/1002@agents/n": "connected"
            case .agentCompleted(let info, 1, 21, "caller") where info.callerNumber == "0912345678": "completed"
            default: nil
            }
        }
        #expect(kinds == ["join", "called", "left", "connected", "completed"])
        // QueueMember list items use Name/Location; events use MemberName/Interface: both read.
        let members = parsed.compactMap { if case .memberChanged(let info, let kind) = $0 { (info, kind) } else { nil } }
        #expect(members.contains { $0.0.name == "Carol" && $0.1 == "Pause" && $0.0.paused && $0.0.pausedReason == "lunch" })
        let listItem = try #require(try events().first { $0.isEvent(named: "QueueMember") })
        let item = try #require(AppQueueEvent(listItem))
        guard case .memberChanged(let info, "") = item else { Issue.record("expected member"); return }
        #expect(!info.interface.isEmpty && !info.name.isEmpty)
    }

    @Test("RingTime is milliseconds on AgentRingNoAnswer and seconds on AgentConnect")
    func units() {
        let rna = AMIMessage(["Event": "AgentRingNoAnswer", "Queue": "q", "Uniqueid": "1.1", "MemberName": "A", "Interface": "PJSIP/1", "RingTime": "15000"])
        #expect(AppQueueEvent(rna) == .agentRingNoAnswer(AgentLegInfo.sample(interface: "PJSIP/1", member: "A"), ringSeconds: 15))
        let connect = AMIMessage(["Event": "AgentConnect", "Queue": "q", "Uniqueid": "1.1", "MemberName": "A", "Interface": "PJSIP/1", "RingTime": "15", "HoldTime": "7"])
        #expect(AppQueueEvent(connect) == .agentConnected(AgentLegInfo.sample(interface: "PJSIP/1", member: "A"), holdSeconds: 7, ringSeconds: 15))
        #expect(AppQueueEvent(AMIMessage(["Event": "AgentConnect"])) == nil)
        #expect(AppQueueEvent(AMIMessage(["Event": "Newchannel", "Uniqueid": "1"])) == nil)
    }
}

extension AgentLegInfo {
    static func sample(interface: String, member: String) -> AgentLegInfo {
        AgentLegInfo(AMIMessage(["Queue": "q", "Uniqueid": "1.1", "MemberName": member, "Interface": interface]))!
    }
}
