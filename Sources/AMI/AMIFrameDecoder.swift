import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits the AMI byte stream into frames: the greeting, then messages ending in a blank line.
///
/// Tolerates a bare `\n` in place of `\r\n`, keeps repeated headers and empty values, skips stray
/// blank lines, and turns bad input (no colon, over-long lines or messages, a cut-off message at
/// end of stream) into ``AMIFrame/malformed(_:)`` frames so the connection survives them.
public struct AMIFrameDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = AMIFrame

    /// Bounds on what is accepted from the peer.
    public struct Limits: Sendable, Hashable {
        /// Longest accepted line in bytes.
        public var maxLineLength: Int
        /// Largest accepted message in bytes.
        public var maxMessageBytes: Int
        /// Most header lines in one message (Command output can be long).
        public var maxHeaders: Int

        /// Limits for one message.
        public init(maxLineLength: Int = 64 * 1024, maxMessageBytes: Int = 4 * 1024 * 1024, maxHeaders: Int = 65_536) {
            self.maxLineLength = maxLineLength
            self.maxMessageBytes = maxMessageBytes
            self.maxHeaders = maxHeaders
        }
    }

    static let greetingPrefix = Array("Asterisk Call Manager/".utf8)

    /// The limits in force.
    public let limits: Limits
    private var expectGreeting: Bool

    // Scan state for the message being read, relative to the buffer's reader index.
    private var messageStart = 0
    private var lineStart = 0
    private var fields: [AMIMessage.Field] = []
    private var problem: AMIFrameError.Code?
    private var eventIndex: Int32 = -1

    // Set while dropping an oversized message up to its blank line.
    private var discard: Discard?

    private struct Discard {
        var code: AMIFrameError.Code
        var dropped: Int
        var excerpt: [UInt8]
        /// Bytes since the last line feed that were only a carriage return (0 or 1), or -1 mid-line.
        var afterNewline: Int
    }

    /// A decoder; `expectGreeting` is true on the client side, false on the server side.
    public init(expectGreeting: Bool = true, limits: Limits = Limits()) {
        self.expectGreeting = expectGreeting
        self.limits = limits
        fields.reserveCapacity(32)
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> AMIFrame? {
        if discard != nil {
            guard let frame = skipDiscarded(&buffer) else { return nil }
            return frame
        }
        let outcome = buffer.withUnsafeReadableBytes { scan($0) }
        switch outcome {
        case .needMoreData:
            if buffer.readableBytes - lineStart > limits.maxLineLength {
                startDiscard(.lineTooLong, &buffer)
                return skipDiscarded(&buffer)
            }
            if buffer.readableBytes - messageStart > limits.maxMessageBytes {
                startDiscard(.messageTooLarge, &buffer)
                return skipDiscarded(&buffer)
            }
            return nil
        case .frame(let frame, let consumed):
            buffer.moveReaderIndex(forwardBy: consumed)
            reset()
            return frame
        }
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> AMIFrame? {
        if let frame = try decode(buffer: &buffer) { return frame }
        if let discard {
            self.discard = nil
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return .malformed(AMIFrameError(code: discard.code, byteCount: discard.dropped, excerpt: discard.excerpt))
        }
        let rest = buffer.readableBytesView.dropFirst(messageStart)
        guard rest.contains(where: { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }) else {
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            reset()
            return nil
        }
        let error = AMIFrameError(code: .truncated, byteCount: rest.count, excerpt: rest)
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        reset()
        return .malformed(error)
    }

    private enum ScanOutcome {
        case needMoreData
        case frame(AMIFrame, consumed: Int)
    }

    private mutating func reset() {
        messageStart = 0
        lineStart = 0
        if !fields.isEmpty { fields.removeAll(keepingCapacity: true) }
        problem = nil
        eventIndex = -1
    }

    private mutating func scan(_ bytes: UnsafeRawBufferPointer) -> ScanOutcome {
        guard let base = bytes.baseAddress else { return .needMoreData }
        let count = bytes.count
        // Work on locals and store them back once: the loop runs per header line.
        var lineStart = self.lineStart
        var messageStart = self.messageStart
        var problem = self.problem
        var eventIndex = self.eventIndex
        // Take the array out of `self` so appends work on a uniquely held local.
        var fields = self.fields
        self.fields = []
        let maxLineLength = limits.maxLineLength
        let maxHeaders = limits.maxHeaders
        defer {
            self.lineStart = lineStart
            self.messageStart = messageStart
            self.problem = problem
            self.eventIndex = eventIndex
            self.fields = fields
        }
        while lineStart < count {
            guard let hit = memchr(base + lineStart, 0x0A, count - lineStart) else { return .needMoreData }
            let newline = base.distance(to: UnsafeRawPointer(hit))
            var lineEnd = newline
            if lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let thisLine = lineStart
            lineStart = newline + 1

            if lineEnd == thisLine {
                // Blank line: the end of a message, or a stray one between messages.
                if fields.isEmpty && problem == nil {
                    messageStart = lineStart
                    continue
                }
                let frame = finishMessage(bytes, start: messageStart, end: newline + 1, problem: problem, fields: &fields, eventIndex: eventIndex)
                return .frame(frame, consumed: newline + 1)
            }
            if expectGreeting {
                expectGreeting = false
                let line = UnsafeRawBufferPointer(rebasing: bytes[thisLine..<lineEnd])
                if line.starts(with: Self.greetingPrefix) {
                    let version = String(decoding: line.dropFirst(Self.greetingPrefix.count), as: UTF8.self)
                    return .frame(.greeting(version: version), consumed: newline + 1)
                }
                if line.firstIndex(of: UInt8(ascii: ":")) == nil {
                    let error = AMIFrameError(code: .unexpectedGreeting, byteCount: lineEnd - thisLine, excerpt: line)
                    return .frame(.malformed(error), consumed: newline + 1)
                }
                // No banner but a header: take it as the first line of a message.
            }
            if problem != nil { continue }
            if lineEnd - thisLine > maxLineLength {
                problem = .lineTooLong
                continue
            }
            if fields.count >= maxHeaders {
                problem = .tooManyHeaders
                continue
            }
            // Header names are short: look for the colon by hand.
            var colon = thisLine
            while colon < lineEnd && bytes[colon] != UInt8(ascii: ":") { colon += 1 }
            guard colon < lineEnd else {
                problem = .missingColon
                continue
            }
            var valueStart = colon + 1
            while valueStart < lineEnd && (bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09) { valueStart += 1 }
            if eventIndex < 0 && colon - thisLine == 5 && AMIMessage.isEventName(UnsafeRawBufferPointer(rebasing: bytes[thisLine..<colon])) {
                eventIndex = Int32(fields.count)
            }
            // Offsets are kept relative to the message start, so the finished message takes them as they are.
            fields.append(
                AMIMessage.Field(
                    nameStart: Int32(thisLine - messageStart), nameEnd: Int32(colon - messageStart),
                    valueStart: Int32(valueStart - messageStart), valueEnd: Int32(lineEnd - messageStart)))
        }
        return .needMoreData
    }

    private func finishMessage(
        _ bytes: UnsafeRawBufferPointer, start: Int, end: Int, problem: AMIFrameError.Code?, fields: inout [AMIMessage.Field],
        eventIndex: Int32
    ) -> AMIFrame {
        let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        if let problem = problem ?? (slice.count > limits.maxMessageBytes ? .messageTooLarge : nil) {
            return .malformed(AMIFrameError(code: problem, byteCount: slice.count, excerpt: slice))
        }
        // Keep the header lines only; the closing blank line is not part of the message.
        let lastEnd = Int(fields.last.map { $0.valueEnd } ?? 0)
        let copy = [UInt8](unsafeUninitializedCapacity: lastEnd) { buffer, initialized in
            if lastEnd > 0, let source = slice.baseAddress { buffer.baseAddress!.initialize(from: source.assumingMemoryBound(to: UInt8.self), count: lastEnd) }
            initialized = lastEnd
        }
        let message = AMIMessage(bytes: copy, fields: fields, eventIndex: eventIndex)
        fields = []
        fields.reserveCapacity(32)
        return .message(message)
    }

    private mutating func startDiscard(_ code: AMIFrameError.Code, _ buffer: inout ByteBuffer) {
        let pending = buffer.readableBytesView.dropFirst(messageStart)
        buffer.moveReaderIndex(forwardBy: messageStart)
        discard = Discard(code: code, dropped: 0, excerpt: Array(pending.prefix(AMIFrameError.excerptLimit)), afterNewline: -1)
        reset()
    }

    /// Drops bytes until the blank line that ends the oversized message.
    private mutating func skipDiscarded(_ buffer: inout ByteBuffer) -> AMIFrame? {
        guard var state = discard else { return nil }
        var consumed = 0
        var finished = false
        for byte in buffer.readableBytesView {
            consumed += 1
            if byte == 0x0A {
                if state.afterNewline >= 0 { finished = true; break }
                state.afterNewline = 0
            } else if byte == 0x0D && state.afterNewline == 0 {
                state.afterNewline = 1
            } else {
                state.afterNewline = -1
            }
        }
        buffer.moveReaderIndex(forwardBy: consumed)
        state.dropped += consumed
        guard finished else {
            discard = state
            return nil
        }
        discard = nil
        return .malformed(AMIFrameError(code: state.code, byteCount: state.dropped, excerpt: state.excerpt))
    }
}
