/// Frames received by a test socket, awaited with a timeout so a missing frame fails instead of hanging.
public actor FrameInbox {
    /// No frame came in time; says what the socket had received before, to tell a lost frame from a slow one.
    public struct Timeout: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String = "no frame in time") { self.description = description }
    }
    private var buffer: [String] = []
    private var received = 0
    private var last: String?
    private var finished = false
    private var waiter: CheckedContinuation<String?, Never>?
    private var timedOut = false
    /// Counts waits, so a timer of an earlier wait that fires late cannot end a later one.
    private var wait = 0

    public init() {}

    public func deliver(_ text: String) {
        received += 1
        last = text
        if let waiter {
            self.waiter = nil
            waiter.resume(returning: text)
        } else {
            buffer.append(text)
        }
    }

    public func finish() {
        finished = true
        if let waiter {
            self.waiter = nil
            waiter.resume(returning: nil)
        }
    }

    /// The next text frame; nil once the socket closed.
    public func next(timeout: Duration = .seconds(30)) async throws -> String? {
        if !buffer.isEmpty { return buffer.removeFirst() }
        if finished { return nil }
        timedOut = false
        wait += 1
        let thisWait = wait
        let timer = Task {
            try await Task.sleep(for: timeout)
            self.expire(thisWait)
        }
        defer { timer.cancel() }
        let value = await withCheckedContinuation { self.waiter = $0 }
        if timedOut { throw Timeout("no frame within \(timeout); \(received) received before, the last: \(last ?? "none")") }
        return value
    }

    /// Frames received so far, read or not.
    public var receivedCount: Int { received }

    /// Frames already received and not read.
    public var pending: Int { buffer.count }

    private func expire(_ expiring: Int) {
        guard expiring == wait, let waiter else { return }
        self.waiter = nil
        timedOut = true
        waiter.resume(returning: nil)
    }
}
