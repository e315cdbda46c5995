import Foundation
import Synchronization

/// Lines of text read from a file handle (a pipe to or from the other `cti-load` process), as
/// they arrive; the stream ends at end of file.
enum LineStream {
    static func lines(of handle: FileHandle) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let pending = Mutex(Data())
        handle.readabilityHandler = { handle in
            let chunk = handle.availableData
            guard !chunk.isEmpty else {
                handle.readabilityHandler = nil
                let rest = pending.withLock { String(decoding: $0, as: UTF8.self) }
                if !rest.isEmpty { continuation.yield(rest) }
                continuation.finish()
                return
            }
            let lines = pending.withLock { buffer -> [String] in
                buffer.append(chunk)
                var lines: [String] = []
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    lines.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                    buffer.removeSubrange(buffer.startIndex...newline)
                }
                return lines
            }
            for line in lines { continuation.yield(line) }
        }
        return stream
    }

    /// Writes one line to the handle.
    static func write(_ line: String, to handle: FileHandle) {
        handle.write(Data((line + "\n").utf8))
    }
}
