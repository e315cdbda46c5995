import AMI
import CTICore

/// How observer mode records the calls app_queue connects: at `AgentConnect`, when the queue's
/// ``RecordingPolicy`` picks the call, a `MixMonitor` on the caller's channel writes
/// `<name>.<format>` into Asterisk's monitor directory. The name is the recording's id in the index,
/// one per connection (see ``name(caller:member:connection:)``).
public struct AppQueueRecording: Sendable, Hashable {
    /// Which calls are recorded, per queue (the same policy controller mode follows).
    public var policy: RecordingPolicy
    /// The file format, as the file's extension (`wav`).
    public var format: String
    /// MixMonitor options: `b` (the default) keeps audio only while the caller is bridged to the agent.
    public var options: String

    /// One recording to start.
    public struct Start: Sendable, Hashable {
        /// The recording's name (its id in the index), e.g. `obs-1795370466.12-1001-1795370467.15`.
        public var name: String
        /// The file, relative to the monitor directory: `<name>.<format>`.
        public var file: String
        /// The caller's channel it records (name, or Uniqueid).
        public var channel: String
        /// The `MixMonitor` action to send.
        public var action: AMIAction
    }

    public init(policy: RecordingPolicy = .recordAll, format: String = "wav", options: String = "b") {
        self.policy = policy
        self.format = format
        self.options = options
    }

    /// What to record when `AgentConnect` (`event`) connects a caller, or nil when the queue's
    /// policy leaves the call out or the event names no caller. The channel is the event's
    /// `Channel` (the caller's), else its Uniqueid (Asterisk accepts either).
    public func start(for event: AMIMessage) -> Start? {
        guard let leg = AgentLegInfo(event), policy.shouldRecord(callID: leg.callerUniqueID, queue: leg.queue) else { return nil }
        let name = Self.name(caller: leg.callerUniqueID, member: leg.memberName, connection: Self.connection(of: event))
        let file = "\(name).\(format)"
        let channel = event["Channel"].flatMap { $0.isEmpty ? nil : $0 } ?? leg.callerUniqueID
        return Start(name: name, file: file, channel: channel, action: .mixMonitor(channel: channel, file: file, options: options))
    }

    /// `obs-<caller Uniqueid>-<member>-<connection>`: unique per connection (the same caller sent
    /// back to the queue and answered by the same member again gets another name), the same on
    /// every run, and a plain file name: characters other than letters, digits, `.`, `_` and `-`
    /// become `-`. Without a `connection`, `obs-<caller Uniqueid>-<member>`.
    public static func name(caller: String, member: String, connection: String? = nil) -> String {
        func plain(_ text: String) -> String {
            String(text.unicodeScalars.map { scalar -> Character in
                let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar))
                return allowed ? Character(scalar) : "-"
            })
        }
        let base = "obs-\(plain(caller))-\(plain(member))"
        return connection.map { "\(base)-\(plain($0))" } ?? base
    }

    /// What tells one connection of a caller from another in `AgentConnect`: the agent leg's
    /// `DestUniqueid` (a new channel is dialled for every offer), else the event's `Timestamp`
    /// (`t<seconds>`, with `timestampevents = yes`); nil when it carries neither.
    /// (`DestLinkedid` is the caller's call, the same for every connection.)
    static func connection(of event: AMIMessage) -> String? {
        if let leg = event["DestUniqueid"], !leg.isEmpty { return leg }
        if let stamp = event["Timestamp"], !stamp.isEmpty { return "t\(stamp)" }
        return nil
    }
}
