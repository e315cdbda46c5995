/// What a subscriber to an ``AMIClient`` receives, in order.
public enum AMIClientEvent: Sendable, Hashable {
    /// Logged in; `reconnect` is false only for the first connection.
    case connected(version: String, reconnect: Bool)
    /// An event from Asterisk.
    case event(AMIMessage)
    /// After each login, a fresh view of channels and queues to rebuild state from (AMI has no replay).
    case resynced(AMISnapshot)
    /// The connection ended; the client will reconnect unless the error is fatal.
    case disconnected(AMIError)
    /// This subscriber fell behind and `count` of the oldest events were dropped here: state
    /// built from events must be rebuilt from the next ``resynced(_:)`` or a fresh query.
    case eventsDropped(count: Int)
}

/// The channels and queues Asterisk reported right after a login.
public struct AMISnapshot: Sendable, Hashable {
    /// `CoreShowChannel` items.
    public var channels: [AMIMessage]
    /// `QueueParams`, `QueueMember` and `QueueEntry` items, when queue resync is on.
    public var queueStatus: [AMIMessage]
    /// Whether this follows a reconnect rather than the first login.
    public var afterReconnect: Bool

    /// A snapshot.
    public init(channels: [AMIMessage], queueStatus: [AMIMessage], afterReconnect: Bool) {
        self.channels = channels
        self.queueStatus = queueStatus
        self.afterReconnect = afterReconnect
    }
}
