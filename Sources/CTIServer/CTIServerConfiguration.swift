/// Listening address and the limits that keep one client from hurting the others.
public struct CTIServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    /// Largest inbound frame or message; bigger closes the socket with 1009.
    public var maxFrameSize: Int
    /// Messages kept per agent for replay after reconnect.
    public var journalCapacity: Int
    /// Frames queued for one socket before it counts as too slow and is closed (1013).
    public var sendQueueLimit: Int
    /// How long a socket without `?token=` has to send its `auth` frame.
    public var authTimeout: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxFrameSize: Int = 16 * 1024, journalCapacity: Int = 256,
        sendQueueLimit: Int = 1024, authTimeout: Duration = .seconds(10)
    ) {
        self.host = host
        self.port = port
        self.maxFrameSize = maxFrameSize
        self.journalCapacity = journalCapacity
        self.sendQueueLimit = sendQueueLimit
        self.authTimeout = authTimeout
    }
}
