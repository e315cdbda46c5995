import AMI
import NIOCore
import NIOEmbedded
import TestSupport

/// The header names, in order, of each event in the real queue-call capture, by event name.
enum CaptureShapes {
    static func messages() throws -> [AMIMessage] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(AMIFrameDecoder()))
        try channel.writeInbound(ByteBuffer(bytes: try Fixtures.bytes("ami-queue-call.raw")))
        var result: [AMIMessage] = []
        while let frame = try channel.readInbound(as: AMIFrame.self) {
            if case .message(let message) = frame { result.append(message) }
        }
        return result
    }

    /// Every distinct header-name sequence seen for each event name.
    static func eventShapes() throws -> [String: Set<[String]>] {
        var shapes: [String: Set<[String]>] = [:]
        for message in try messages() {
            guard let name = message.eventName else { continue }
            shapes[name, default: []].insert(message.headers.map(\.name))
        }
        return shapes
    }

    static func names(_ message: AMIMessage) -> [String] { message.headers.map(\.name) }
}
