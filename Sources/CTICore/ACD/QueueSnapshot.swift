/// Live counts for one queue.
public struct QueueSnapshot: Sendable, Hashable {
    /// The queue.
    public var queue: QueueID
    /// Callers on the line (ringing ones included).
    public var waiting: Int
    /// Callers waiting for a callback.
    public var callbacksWaiting: Int
    /// Longest current wait in seconds, nil when nobody waits.
    public var longestWait: Double?
    /// Logged-in members by state (paused in this queue counts as paused).
    public var agents: [AgentStateKind: Int]
}
