import AMI

/// A channel inside the simulated Asterisk.
public struct SimChannel: Sendable, Hashable {
    /// Uniqueid.
    public var uniqueID: String
    /// Linkedid: the uniqueid of the call's oldest channel.
    public var linkedID: String
    /// Channel name, e.g. `Local/1002@agents-00000001;1` or `PJSIP/trunk-0000001a`.
    public var name: String
    /// `AST_STATE_*` number (0 Down, 4 Ring, 5 Ringing, 6 Up).
    public var state: Int
    /// Caller ID number (empty when unknown).
    public var callerNumber: String
    /// Caller ID name (empty when unknown).
    public var callerName: String
    /// Connected line number.
    public var connectedNumber: String
    /// Connected line name.
    public var connectedName: String
    /// Dialplan context.
    public var context: String
    /// Extension.
    public var exten: String
    /// Priority.
    public var priority: Int
    /// Running application.
    public var application: String
    /// Its data.
    public var applicationData: String
    /// The bridge it is in, empty when none.
    public var bridgeID: String
    /// When it was created.
    public var createdAt: WallTime
    /// Channel variables.
    public var variables: [String: String]
    /// The other half of a Local channel pair.
    public var partnerID: String?
    /// The file MixMonitor records to, while it records.
    public var mixMonitorFile: String?
    /// When that recording started.
    public var mixMonitorStartedAt: WallTime? = nil
    /// Creation order, for listings.
    var sequence: Int

    static let stateNames = ["Down", "Rsrvd", "OffHook", "Dialing", "Ring", "Ringing", "Up", "Busy", "Dialing Offhook", "Pre-ring"]

    /// The state's name as in `ChannelStateDesc`.
    public var stateDescription: String { Self.stateNames.indices.contains(state) ? Self.stateNames[state] : "Unknown" }

    /// The channel technology, e.g. `Local` or `PJSIP`.
    public var technology: String { String(name.prefix { $0 != "/" }) }

    /// Whether this is one half of a Local channel.
    var isLocal: Bool { technology.lowercased() == "local" }

    /// Appends the channel block (`Channel` … `Linkedid`), with `prefix` (`Dest`, `LocalOne`) on each name.
    func appendBlock(to message: inout AMIMessage, prefix: String = "") {
        message.append(prefix + "Channel", name)
        message.append(prefix + "ChannelState", String(state))
        message.append(prefix + "ChannelStateDesc", stateDescription)
        message.append(prefix + "CallerIDNum", Self.number(callerNumber))
        message.append(prefix + "CallerIDName", Self.name(callerName))
        message.append(prefix + "ConnectedLineNum", Self.number(connectedNumber))
        message.append(prefix + "ConnectedLineName", Self.name(connectedName))
        message.append(prefix + "Language", "en")
        message.append(prefix + "AccountCode", "")
        message.append(prefix + "Context", context)
        message.append(prefix + "Exten", exten)
        message.append(prefix + "Priority", String(priority))
        message.append(prefix + "Uniqueid", uniqueID)
        message.append(prefix + "Linkedid", linkedID)
    }

    /// A caller-ID number as Asterisk shows it: `<unknown>` when empty.
    static func number(_ value: String) -> String { value.isEmpty ? "<unknown>" : value }

    /// A caller-ID name as Asterisk shows it: `<unknown>` when empty, C-escaped otherwise.
    static func name(_ value: String) -> String { value.isEmpty ? "<unknown>" : AMIMessage.escapeValue(value) }
}
