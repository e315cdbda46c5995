/// How the simulated Asterisk is set up beyond its queues: dialplan entry points, channel
/// technologies, deliberate Originate failures, and how agents answer.
public struct PBXSettings: Sendable, Hashable {
    /// Dialplan contexts whose extensions run `Queue(<queue>)` (as `[queue-in]` in the captures).
    public var queueContexts: [String: String] = ["queue-in": "support", "inbound": "support"]
    /// Channel technologies that can be dialled (lowercase); Originate to any other fails with Reason 0.
    public var technologies: Set<String> = ["local", "pjsip", "sip", "iax2", "dahdi"]
    /// Originate `Channel` values (case-insensitive) that fail, and how.
    public var originateFailures: [String: OriginateFailure] = [:]
    /// How members' phones answer.
    public var agents = AgentBehaviour()
    /// Where MixMonitor puts files named by a relative path (`astspooldir/monitor` of asterisk.conf).
    public var monitorDirectory = "/var/spool/asterisk/monitor"
    /// Asterisk version shown by `core show version`.
    public var version = "22.10.1"

    /// The settings of the captured Asterisk.
    public init() {}
}

/// How an Originate fails, as its `OriginateResponse` `Reason`.
public enum OriginateFailure: Int, Sendable, Hashable {
    /// The channel could not be created (e.g. unknown technology).
    case failed = 0
    /// Hung up before answer.
    case hangup = 1
    /// Rang until the timeout.
    case noAnswer = 3
    /// Busy.
    case busy = 5
    /// Congestion.
    case congestion = 8
}
