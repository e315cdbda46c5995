/// What a subscriber to an ``ARIEventsClient`` receives, in order.
public enum ARIClientEvent: Sendable, Hashable {
    /// The events socket is up; `reconnect` is false only for the first connection.
    case connected(reconnect: Bool)
    /// An event from Asterisk (unknown types included, as ``ARIEvent/Payload/unknown(_:)``).
    case event(ARIEvent)
    /// A frame that could not be decoded; kept with its text rather than dropped.
    case malformed(ARIError, text: String)
    /// After each (re)connect: the application's channels and bridges as Asterisk sees them now.
    /// ARI has no replay, so state built from events must be rebuilt from this.
    case resynced(ARISnapshot)
    /// The socket closed; the client reconnects unless the error is fatal (bad credentials,
    /// ``ARIError/Code/applicationReplaced``).
    case disconnected(ARIError)
    /// This subscriber fell behind and `count` of the oldest events were dropped here.
    case eventsDropped(count: Int)
}

/// The application's state fetched after a (re)connect: `GET /applications/{app}`, then each channel and bridge.
public struct ARISnapshot: Sendable, Hashable {
    /// The application as `GET /applications/{app}` returned it.
    public var application: ARIApplication
    /// The application's channels that still exist (a channel gone between the two requests is left out).
    public var channels: [ARIChannel]
    /// The application's bridges that still exist.
    public var bridges: [ARIBridge]
    /// Whether this follows a reconnect rather than the first connection.
    public var afterReconnect: Bool
    /// When the first request for this snapshot was sent: a channel that appeared later may be
    /// missing from ``channels`` although it exists.
    public var requestedAt: ContinuousClock.Instant

    /// A snapshot value.
    public init(
        application: ARIApplication, channels: [ARIChannel], bridges: [ARIBridge], afterReconnect: Bool,
        requestedAt: ContinuousClock.Instant = .now
    ) {
        self.application = application
        self.channels = channels
        self.bridges = bridges
        self.afterReconnect = afterReconnect
        self.requestedAt = requestedAt
    }
}
