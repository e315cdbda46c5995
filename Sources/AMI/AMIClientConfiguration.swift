import CTICore

/// Where and how an ``AMIClient`` connects, and its timers.
public struct AMIClientConfiguration: Sendable, CustomStringConvertible {
    /// Asterisk's host (keep AMI on loopback or behind TLS).
    public var host: String
    /// AMI port, 5038 by default.
    public var port: Int
    /// User, secret and login method.
    public var credentials: AMICredentials
    /// TCP connect timeout.
    public var connectTimeout: Duration = .seconds(5)
    /// Time allowed from connect to a successful login.
    public var loginTimeout: Duration = .seconds(10)
    /// Default time an action may wait for its answer.
    public var actionTimeout: Duration = .seconds(10)
    /// Time an event list (CoreShowChannels, QueueStatus, …) may take.
    public var listTimeout: Duration = .seconds(30)
    /// Interval between keepalive `Ping`s; a missed `Pong` drops the connection.
    public var pingInterval: Duration = .seconds(15)
    /// Time a `Ping` may take before the connection counts as dead.
    public var pingTimeout: Duration = .seconds(5)
    /// Delays between reconnect attempts.
    public var backoff: Backoff = Backoff()
    /// Whether the post-login resync also fetches `QueueStatus`.
    public var resyncQueues: Bool = true
    /// TLS settings; `nil` speaks plain TCP (keep that to loopback).
    public var tls: AMITLSConfiguration?
    /// Limits on frames read from Asterisk.
    public var frameLimits: AMIFrameDecoder.Limits = .init()

    /// A configuration for `host:port` with these credentials.
    public init(host: String, port: Int = 5038, credentials: AMICredentials) {
        self.host = host
        self.port = port
        self.credentials = credentials
    }

    public var description: String { "AMIClientConfiguration(\(host):\(port), \(tls == nil ? "tcp" : "tls"), \(credentials))" }
}
