import AMI
import NIOCore
import NIOEmbedded
import Telephony
import Testing
import TestSupport

/// The events of a capture, decoded by the real decoder.
private func captureEvents(_ name: String) throws -> [AMIMessage] {
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(AMIFrameDecoder()))
    try channel.writeInbound(ByteBuffer(bytes: try Fixtures.bytes(name)))
    var events: [AMIMessage] = []
    while let frame = try channel.readInbound(as: AMIFrame.self) {
        if case .message(let message) = frame, message.isEvent, message.actionID == nil { events.append(message) }
    }
    return events
}

@Suite("channel tracker on AMI events")
struct ChannelTrackerTests {
    @Test("the real queue call: caller queued, answered by Bob, everything ends")
    func queueCallCapture() throws {
        var tracker = ChannelTracker()
        var changes: [ChannelChange] = []
        var sawAnswered = false
        for event in try captureEvents("ami-queue-call.raw") {
            changes += tracker.apply(event)
            if let caller = tracker.legs["cap-caller-1"], caller.agent == "Bob" {
                sawAnswered = true
                #expect(caller.queue == "support")
                #expect(caller.callerIDNumber == "0912345678")
                #expect(caller.callerIDName == "Nguyen Van A")
                #expect(tracker.legs(ofCall: "cap-caller-1").count >= 3)
            }
        }
        #expect(sawAnswered)
        let started = changes.compactMap { if case .callStarted(let id, _) = $0 { id } else { nil } }
        let ended = changes.compactMap { if case .callEnded(let id) = $0 { id } else { nil } }
        #expect(started == ["cap-caller-1"])
        #expect(ended == ["cap-caller-1"])
        #expect(tracker.legs.isEmpty)
        #expect(tracker.calls.isEmpty)
    }

    @Test("duplicate and out-of-order events are tolerated")
    func outOfOrder() {
        var tracker = ChannelTracker()
        let newstate = AMIMessage(["Event": "Newstate", "Channel": "PJSIP/1001-1", "ChannelState": "6", "Uniqueid": "1.1", "Linkedid": "1.1"])
        // Newstate before Newchannel creates the leg.
        #expect(tracker.apply(newstate).count == 2)
        #expect(tracker.legs["1.1"]?.state == .up)
        #expect(tracker.apply(newstate).isEmpty)
        let hangup = AMIMessage(["Event": "Hangup", "Channel": "PJSIP/1001-1", "Uniqueid": "1.1", "Linkedid": "1.1", "Cause": "16"])
        #expect(tracker.apply(hangup).count == 2)
        #expect(tracker.apply(hangup).isEmpty)
        // A late event for a gone leg would bring it back; a Hangup for an unknown leg does nothing.
        #expect(tracker.apply(AMIMessage(["Event": "Hangup", "Uniqueid": "9.9"])).isEmpty)
    }

    @Test("a Linkedid change on bridge join moves the leg to the older call")
    func linkedIDChange() {
        var tracker = ChannelTracker()
        _ = tracker.apply(AMIMessage(["Event": "Newchannel", "Channel": "A", "Uniqueid": "1.1", "Linkedid": "1.1"]))
        _ = tracker.apply(AMIMessage(["Event": "Newchannel", "Channel": "B", "Uniqueid": "2.1", "Linkedid": "2.1"]))
        let changes = tracker.apply(AMIMessage(["Event": "BridgeEnter", "Channel": "B", "Uniqueid": "2.1", "Linkedid": "1.1", "BridgeUniqueid": "br"]))
        #expect(changes.count == 2)
        guard case .legMoved(let leg, "2.1") = changes.first else { Issue.record("expected move"); return }
        #expect(leg.bridgeID == "br")
        #expect(changes.last == .callEnded(linkedID: "2.1"))
        #expect(tracker.legs(ofCall: "1.1").map(\.uniqueID) == ["1.1", "2.1"])
    }

    @Test("resync drops vanished legs and adopts new ones")
    func resync() {
        var tracker = ChannelTracker()
        _ = tracker.apply(AMIMessage(["Event": "Newchannel", "Channel": "A", "Uniqueid": "1.1", "Linkedid": "1.1"]))
        _ = tracker.apply(AMIMessage(["Event": "QueueCallerJoin", "Channel": "A", "Uniqueid": "1.1", "Linkedid": "1.1", "Queue": "support"]))
        _ = tracker.apply(AMIMessage(["Event": "Newchannel", "Channel": "B", "Uniqueid": "2.1", "Linkedid": "2.1"]))
        let changes = tracker.resync(channels: [
            AMIMessage(["Event": "CoreShowChannel", "Channel": "A", "ChannelState": "6", "Uniqueid": "1.1", "Linkedid": "1.1", "BridgeId": ""]),
            AMIMessage(["Event": "CoreShowChannel", "Channel": "C", "ChannelState": "6", "Uniqueid": "3.1", "Linkedid": "3.1", "BridgeId": "x"]),
        ])
        #expect(changes.contains(.callEnded(linkedID: "2.1")))
        #expect(tracker.legs["3.1"]?.bridgeID == "x")
        #expect(tracker.legs["1.1"]?.queue == "support")
        #expect(tracker.legs["1.1"]?.state == .up)
        #expect(Set(tracker.calls.keys) == ["1.1", "3.1"])
    }
}
