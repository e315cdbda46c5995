import AMI
import NIOCore

/// One pass of `AMIFrameDecoder` over a stream cut into socket-sized chunks.
enum DecoderRun {
    /// What one pass saw.
    struct Outcome {
        var events = 0
        /// Sum of event-name lengths, so reading the name cannot be optimised away.
        var nameBytes = 0
        var malformed = 0
    }

    /// Splits `bytes` into `chunkSize`-byte buffers, as consecutive socket reads would deliver them.
    static func chunks(of bytes: [UInt8], chunkSize: Int) -> [ByteBuffer] {
        let whole = ByteBuffer(bytes: bytes)
        return stride(from: 0, to: bytes.count, by: chunkSize).map { offset in
            whole.getSlice(at: offset, length: min(chunkSize, bytes.count - offset))!
        }
    }

    /// Decodes every chunk in order, as `ByteToMessageHandler` would, counting events.
    @inline(never)
    static func parse(_ chunks: [ByteBuffer]) throws -> Outcome {
        let processor = NIOSingleStepByteToMessageProcessor(AMIFrameDecoder())
        var outcome = Outcome()
        for chunk in chunks {
            try processor.process(buffer: chunk) { frame in
                switch frame {
                case .message(let message):
                    if let name = message.eventName {
                        outcome.events += 1
                        outcome.nameBytes &+= name.utf8.count
                    }
                case .malformed:
                    outcome.malformed += 1
                case .greeting:
                    break
                }
            }
        }
        try processor.finishProcessing(seenEOF: true) { _ in }
        return outcome
    }
}
