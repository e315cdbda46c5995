import NIOCore

/// Writes an ``AMIMessage`` as `Name: value\r\n` lines and the closing blank line.
public struct AMIMessageEncoder: MessageToByteEncoder, Sendable {
    public typealias OutboundIn = AMIMessage

    /// An encoder.
    public init() {}

    public func encode(data: AMIMessage, out: inout ByteBuffer) throws {
        Self.write(data, into: &out)
    }

    /// Appends the wire form of `message` to `buffer`.
    public static func write(_ message: AMIMessage, into buffer: inout ByteBuffer) {
        buffer.reserveCapacity(minimumWritableBytes: message.bytes.count + 2 * message.fields.count + 2)
        message.forEachHeader { name, value in
            buffer.writeBytes(name)
            buffer.writeStaticString(": ")
            buffer.writeBytes(value)
            buffer.writeStaticString("\r\n")
        }
        buffer.writeStaticString("\r\n")
    }
}

extension AMIMessage {
    /// The wire form of the message, blank line included.
    public var wireBytes: [UInt8] {
        var buffer = ByteBuffer()
        AMIMessageEncoder.write(self, into: &buffer)
        return Array(buffer.readableBytesView)
    }
}
