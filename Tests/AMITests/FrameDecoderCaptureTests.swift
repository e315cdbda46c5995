import AMI
import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing
import TestSupport

/// Decodes `bytes` in one buffer with a fresh client-side decoder.
func decodeAll(_ bytes: [UInt8], expectGreeting: Bool = true, limits: AMIFrameDecoder.Limits = .init(), chunk: Int? = nil) throws -> [AMIFrame] {
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(AMIFrameDecoder(expectGreeting: expectGreeting, limits: limits)))
    let size = chunk ?? max(bytes.count, 1)
    var offset = 0
    while offset < bytes.count {
        let end = min(offset + size, bytes.count)
        try channel.writeInbound(ByteBuffer(bytes: bytes[offset..<end]))
        offset = end
    }
    var frames: [AMIFrame] = []
    while let frame = try channel.readInbound(as: AMIFrame.self) { frames.append(frame) }
    _ = try channel.finish(acceptAlreadyClosed: true)
    // finish() runs decodeLast; anything it produced is read after.
    return frames
}

/// Frames produced including those from end of stream.
func decodeToEOF(_ bytes: [UInt8], limits: AMIFrameDecoder.Limits = .init(), expectGreeting: Bool = true) throws -> [AMIFrame] {
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(AMIFrameDecoder(expectGreeting: expectGreeting, limits: limits)))
    try channel.writeInbound(ByteBuffer(bytes: bytes))
    channel.pipeline.fireChannelInactive()
    var frames: [AMIFrame] = []
    while let frame = try channel.readInbound(as: AMIFrame.self) { frames.append(frame) }
    return frames
}

@Suite("AMI frame decoder on the real Asterisk captures")
struct FrameDecoderCaptureTests {
    @Test("every capture decodes to the same messages as the reference reading", arguments: try Fixtures.amiCaptureNames())
    func captureMatchesReference(name: String) throws {
        let bytes = try Fixtures.bytes(name)
        let reference = ReferenceSplitter.split(bytes)
        let frames = try decodeAll(bytes)
        #expect(frames.first == .greeting(version: "11.0.0"))
        #expect(reference.greeting == "11.0.0")
        let messages = frames.dropFirst().map { frame -> AMIMessage? in
            if case .message(let message) = frame { return message }
            return nil
        }
        #expect(messages.count == reference.messages.count)
        #expect(messages == reference.messages.map { Optional($0) })
    }

    // Serialized: each case keeps a core busy for a long while on a thread of its own, and three at
    // once left the network tests of a 2-core machine without CPU for seconds.
    @Test("every capture decodes identically under every way of splitting it", .serialized, arguments: try Fixtures.amiCaptureNames())
    func verifierOnCaptures(name: String) async throws {
        let bytes = try Fixtures.bytes(name)
        let reference = ReferenceSplitter.split(bytes)
        // The verifier reuses one decoder for shuffled inputs, so feed the bodies after the greeting.
        let greetingEnd = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        let body = ByteBuffer(bytes: bytes[greetingEnd...])
        let expected = reference.messages.map { AMIFrame.message($0) }
        // Thousands of splits: run them off the cooperative pool the other tests share.
        try await inBackground {
            try ByteToMessageDecoderVerifier.verifyDecoder(
                inputOutputPairs: [(body, expected)], decoderFactory: { AMIFrameDecoder(expectGreeting: false) })
        }
    }

    @Test("the queue-call capture carries what a contact centre reads")
    func queueCaptureContents() throws {
        let frames = try decodeAll(try Fixtures.bytes("ami-queue-call.raw"))
        let messages = frames.compactMap { frame -> AMIMessage? in
            if case .message(let message) = frame { return message }
            return nil
        }
        // Login, FullyBooted with no Timestamp.
        #expect(messages[0].messageText == "Authentication accepted")
        #expect(messages[1].eventName == "FullyBooted")
        #expect(messages[1]["Timestamp"] == nil)
        // Empty values are kept, not dropped.
        let added = try #require(messages.first { $0.isEvent(named: "QueueMemberAdded") })
        #expect(added.contains("PausedReason"))
        #expect(added["PausedReason"] == "")
        // OriginateResponse is an event although it also carries Response.
        let originate = try #require(messages.first { $0.isEvent(named: "OriginateResponse") })
        #expect(originate.isEvent)
        #expect(originate.response == "Success")
        #expect(originate.actionID == "orig-1")
        #expect(originate["Reason"] == "4")
        // Command output: repeated Output headers kept in order.
        let command = try #require(messages.first { $0.actionID == "cmd-1" })
        #expect(command.values("Output") == ["System uptime: 14 minutes, 52 seconds", "Last reload: 14 minutes, 52 seconds"])
        // List items have ActionID and no Privilege.
        let item = try #require(messages.first { $0.isEvent(named: "CoreShowChannel") })
        #expect(item.actionID == "csc-1")
        #expect(item["Privilege"] == nil)
        // Lookups are case-insensitive; caller names come through.
        #expect(item["callerIDname"] == "Nguyen Van A")
        // Ping without ActionID.
        #expect(messages.contains { $0["Ping"] == "Pong" && $0.actionID == nil })
    }

    @Test("messages read the same with bare \\n line ends")
    func bareNewlines() throws {
        let bytes = try Fixtures.bytes("ami-queue-call.raw")
        let crlf = try decodeAll(bytes)
        let bare = try decodeAll(bytes.filter { $0 != UInt8(ascii: "\r") })
        #expect(crlf == bare)
        let mixed = Array("Asterisk Call Manager/11.0.0\nResponse: Success\r\nActionID: a\n\r\nEvent: X\nA: 1\n\n".utf8)
        let frames = try decodeAll(mixed)
        #expect(frames == [
            .greeting(version: "11.0.0"),
            .message(AMIMessage(["Response": "Success", "ActionID": "a"])),
            .message(AMIMessage(["Event": "X", "A": "1"])),
        ])
    }

    @Test("decoding in small chunks gives the same frames", arguments: [1, 7, 64, 1500])
    func chunked(size: Int) throws {
        let bytes = try Fixtures.bytes("ami-queue-call.raw")
        #expect(try decodeAll(bytes, chunk: size) == decodeAll(bytes))
    }
}
