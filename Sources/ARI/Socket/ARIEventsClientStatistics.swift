import Synchronization

/// Counters a supervisor or `/metrics` can read from a running ``ARIEventsClient``.
public struct ARIEventsClientStatistics: Sendable, Hashable {
    /// Events decoded from the socket.
    public var eventsReceived: Int
    /// Events dropped across all subscribers because they fell behind.
    public var eventsDropped: Int
    /// Frames that did not decode.
    public var malformedEvents: Int
    /// Successful connections after the first one.
    public var reconnects: Int
    /// Whether the socket is up now.
    public var isConnected: Bool
}

final class ARIEventsClientCounters: Sendable {
    private let state = Mutex(ARIEventsClientStatistics(eventsReceived: 0, eventsDropped: 0, malformedEvents: 0, reconnects: 0, isConnected: false))

    var snapshot: ARIEventsClientStatistics { state.withLock { $0 } }

    func eventReceived() { state.withLock { $0.eventsReceived += 1 } }
    func eventsDropped(_ count: Int) { state.withLock { $0.eventsDropped += count } }
    func malformed() { state.withLock { $0.malformedEvents += 1 } }
    func connected(reconnect: Bool) {
        state.withLock {
            $0.isConnected = true
            if reconnect { $0.reconnects += 1 }
        }
    }
    func disconnected() { state.withLock { $0.isConnected = false } }
}
