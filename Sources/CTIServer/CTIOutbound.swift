/// What a socket's writer does next.
public enum CTIOutbound: Sendable, Hashable {
    /// Send a text frame.
    case text(String)
    /// Send a last error frame (if any), then close with `code`.
    case close(code: UInt16, reason: String)
}

/// One socket's bounded send queue: the hub enqueues without waiting; the socket's writer drains it.
///
/// A socket that falls `limit` frames behind is closed (1013) rather than allowed to grow memory.
struct CTISocketQueue: Sendable {
    let stream: AsyncStream<CTIOutbound>
    private let continuation: AsyncStream<CTIOutbound>.Continuation

    init(limit: Int) {
        // One slot is kept for the close that ends an overflowing queue.
        (stream, continuation) = AsyncStream.makeStream(of: CTIOutbound.self, bufferingPolicy: .bufferingOldest(limit + 1))
    }

    /// Queues `frame`; false when the socket is too far behind (the queue then ends with a close).
    @discardableResult
    func send(_ frame: CTIOutbound) -> Bool {
        switch continuation.yield(frame) {
        case .enqueued(let remaining) where remaining >= 1: return true
        case .enqueued:
            // That filled the reserved slot with data: close instead of sending more.
            continuation.finish()
            return false
        case .dropped, .terminated: return false
        @unknown default: return false
        }
    }

    /// Ends the queue after everything already queued, with a close frame.
    func close(code: UInt16, reason: String) {
        continuation.yield(.close(code: code, reason: reason))
        continuation.finish()
    }

    /// Ends the queue without a close (the socket is already gone).
    func finish() { continuation.finish() }
}
