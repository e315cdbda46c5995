import Synchronization

/// Counters a supervisor or `/metrics` can read from a running ``AMIClient``.
public struct AMIClientStatistics: Sendable, Hashable {
    /// Events received from Asterisk (before any subscriber drops).
    public var eventsReceived: Int
    /// Events dropped across all subscribers because they fell behind.
    public var eventsDropped: Int
    /// Frames skipped as malformed.
    public var malformedFrames: Int
    /// Responses that arrived with no action waiting (late after a timeout).
    public var unsolicitedResponses: Int
    /// Successful logins after the first one.
    public var reconnects: Int
    /// Whether a logged-in connection is up now.
    public var isConnected: Bool
}

/// Thread-safe counters shared by the client and its channel handler.
final class AMIClientCounters: Sendable {
    private let state = Mutex(AMIClientStatistics(
        eventsReceived: 0, eventsDropped: 0, malformedFrames: 0, unsolicitedResponses: 0, reconnects: 0, isConnected: false))

    var snapshot: AMIClientStatistics { state.withLock { $0 } }

    func eventReceived() { state.withLock { $0.eventsReceived += 1 } }
    func eventsDropped(_ count: Int) { state.withLock { $0.eventsDropped += count } }
    func malformedFrame() { state.withLock { $0.malformedFrames += 1 } }
    func unsolicitedResponse() { state.withLock { $0.unsolicitedResponses += 1 } }
    func connected(reconnect: Bool) {
        state.withLock {
            $0.isConnected = true
            if reconnect { $0.reconnects += 1 }
        }
    }
    func disconnected() { state.withLock { $0.isConnected = false } }
}
