import AMI
import NIOCore
import TestSupport

/// The real queue-call capture, decoded: its messages and, per event name, the header-name
/// sequences seen (values ignored).
enum CaptureShapes {
    static func messages(_ file: String = "ami-queue-call.raw") throws -> [AMIMessage] {
        var decoder = AMIFrameDecoder()
        var buffer = ByteBuffer(bytes: try Fixtures.bytes(file))
        var result: [AMIMessage] = []
        while let frame = try decoder.decode(buffer: &buffer) {
            if case .message(let message) = frame { result.append(message) }
        }
        return result
    }

    /// Every distinct header-name sequence seen for each event name.
    static func eventShapes() throws -> [String: Set<[String]>] {
        var shapes: [String: Set<[String]>] = [:]
        for message in try messages() {
            guard let name = message.eventName else { continue }
            shapes[name, default: []].insert(names(message))
        }
        return shapes
    }

    /// The first message of the capture whose `ActionID` is `id` and that is not an event.
    static func response(actionID id: String) throws -> AMIMessage? {
        try messages().first { $0.actionID == id && !$0.isEvent }
    }

    static func names(_ message: AMIMessage) -> [String] { message.headers.map(\.name) }

}
