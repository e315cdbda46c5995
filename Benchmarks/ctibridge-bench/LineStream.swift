#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Lines of text read from a file handle (a pipe to or from the other `cti-load` process), as
/// they arrive; the stream ends at end of file.
///
/// A thread of its own reads with blocking `read(2)`: no dispatch source is registered for the
/// pipe, so nothing is left armed on a descriptor that closes when the other process ends.
enum LineStream {
    static func lines(of handle: FileHandle) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let thread = Thread {
            let descriptor = handle.fileDescriptor
            var pending: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                pending.append(contentsOf: chunk[0..<count])
                var start = 0
                while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    continuation.yield(String(decoding: pending[start..<newline], as: UTF8.self))
                    start = newline + 1
                }
                pending.removeFirst(start)
            }
            if !pending.isEmpty { continuation.yield(String(decoding: pending, as: UTF8.self)) }
            continuation.finish()
        }
        thread.name = "cti-load lines"
        thread.start()
        return stream
    }

    /// Writes one line to the handle.
    static func write(_ line: String, to handle: FileHandle) {
        handle.write(Data((line + "\n").utf8))
    }
}
