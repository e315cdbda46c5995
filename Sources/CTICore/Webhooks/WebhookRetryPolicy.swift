import Foundation

/// How often and how late failed webhook deliveries are retried before dead-lettering.
public struct WebhookRetryPolicy: Sendable, Hashable {
    /// Attempts in total, the first included; after the last failure the message is dead.
    public var maxAttempts: Int
    /// Delay before retry n is `backoff.ceiling(attempt: n - 1)` (no jitter: the outbox is one writer).
    public var backoff: Backoff

    public init(maxAttempts: Int = 8, backoff: Backoff = Backoff(initial: .seconds(5), maximum: .seconds(3600))) {
        self.maxAttempts = maxAttempts
        self.backoff = backoff
    }

    /// After `attempts` failed attempts at `now`: when to try next, or nil to dead-letter.
    public func nextAttempt(after attempts: Int, now: Date) -> Date? {
        guard attempts < maxAttempts else { return nil }
        return now.addingTimeInterval(backoff.ceiling(attempt: max(0, attempts - 1)).seconds)
    }
}
