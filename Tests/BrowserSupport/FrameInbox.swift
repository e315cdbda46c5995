/// Frames received by a test socket, awaited with a timeout so a missing frame fails instead of hanging.
public actor FrameInbox {
    public struct Timeout: Error { public init() {} }
    private var buffer: [String] = []
    private var finished = false
    private var waiter: CheckedContinuation<String?, Never>?
    private var timedOut = false

    public init() {}

    public func deliver(_ text: String) {
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
        let timer = Task {
            try await Task.sleep(for: timeout)
            self.expire()
        }
        defer { timer.cancel() }
        let value = await withCheckedContinuation { self.waiter = $0 }
        if timedOut { throw Timeout() }
        return value
    }

    /// Frames already received and not read.
    public var pending: Int { buffer.count }

    private func expire() {
        guard let waiter else { return }
        self.waiter = nil
        timedOut = true
        waiter.resume(returning: nil)
    }
}
