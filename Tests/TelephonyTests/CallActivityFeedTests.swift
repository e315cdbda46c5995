import AMI
import NIOCore
import NIOEmbedded
import Telephony
import Testing
import TestSupport

@Suite("call activity feed")
struct CallActivityFeedTests {
    @Test("the capture's queue call tells its story in order")
    func story() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(AMIFrameDecoder()))
        try channel.writeInbound(ByteBuffer(bytes: try Fixtures.bytes("ami-queue-call.raw")))
        var feed = CallActivityFeed()
        var activities: [CallActivity] = []
        while let frame = try channel.readInbound(as: AMIFrame.self) {
            guard case .message(let message) = frame, message.isEvent, message.actionID == nil else { continue }
            activities += feed.consume(.event(message)).activities
        }
        #expect(activities == [
            .started(linkedID: "cap-caller-1", callerNumber: nil, callerName: nil),
            .queued(linkedID: "cap-caller-1", queue: "support", position: 1),
            .offered(linkedID: "cap-caller-1", queue: "support", agent: "Bob"),
            .answered(linkedID: "cap-caller-1", queue: "support", agent: "Bob", waitSeconds: 1),
            .completed(linkedID: "cap-caller-1", queue: "support", agent: "Bob", talkSeconds: 21, endedBy: "caller"),
            .ended(linkedID: "cap-caller-1"),
        ])
    }

    @Test("dropped events ask for a resync; a resync rebuilds the calls")
    func resync() {
        var feed = CallActivityFeed()
        #expect(feed.consume(.eventsDropped(count: 3)).needsResync)
        let snapshot = AMISnapshot(
            channels: [AMIMessage(["Event": "CoreShowChannel", "Channel": "PJSIP/1", "Uniqueid": "1.1", "Linkedid": "1.1", "CallerIDNum": "0912"])],
            queueStatus: [], afterReconnect: true)
        let output = feed.consume(.resynced(snapshot))
        #expect(output.activities == [.started(linkedID: "1.1", callerNumber: "0912", callerName: nil), .resynced(calls: 1, afterReconnect: true)])
        #expect(feed.consume(.disconnected(AMIError(.connectionClosed, "gone"))).activities == [.disconnected(reason: "gone")])
    }
}
