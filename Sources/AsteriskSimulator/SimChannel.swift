import AMI

/// A channel inside the simulated Asterisk.
public struct SimChannel: Sendable, Hashable {
    /// Uniqueid.
    public var uniqueID: String
    /// Linkedid.
    public var linkedID: String
    /// Channel name, e.g. `PJSIP/trunk-0000001a`.
    public var name: String
    /// `AST_STATE_*` number.
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
    /// Epoch seconds it was created.
    public var createdAt: Double
    /// Channel variables.
    public var variables: [String: String]

    static let stateNames = ["Down", "Rsrvd", "OffHook", "Dialing", "Ring", "Ringing", "Up", "Busy", "Dialing Offhook", "Pre-ring"]

    /// The state's name as in `ChannelStateDesc`.
    public var stateDescription: String { Self.stateNames.indices.contains(state) ? Self.stateNames[state] : "Unknown" }

    /// The channel technology, e.g. `PJSIP`.
    public var technology: String { String(name.prefix { $0 != "/" }) }

    /// Appends the channel block (`Channel` … `Linkedid`), with `prefix` (e.g. `Dest`) on each name.
    func appendBlock(to message: inout AMIMessage, prefix: String = "") {
        message.append(prefix + "Channel", name)
        message.append(prefix + "ChannelState", String(state))
        message.append(prefix + "ChannelStateDesc", stateDescription)
        message.append(prefix + "CallerIDNum", Self.shown(callerNumber))
        message.append(prefix + "CallerIDName", Self.shown(callerName))
        message.append(prefix + "ConnectedLineNum", Self.shown(connectedNumber))
        message.append(prefix + "ConnectedLineName", Self.shown(connectedName))
        message.append(prefix + "Language", "en")
        message.append(prefix + "AccountCode", "")
        message.append(prefix + "Context", context)
        message.append(prefix + "Exten", exten)
        message.append(prefix + "Priority", String(priority))
        message.append(prefix + "Uniqueid", uniqueID)
        message.append(prefix + "Linkedid", linkedID)
    }

    /// Asterisk shows an empty caller ID as `<unknown>` and C-escapes the rest.
    static func shown(_ value: String) -> String { value.isEmpty ? "<unknown>" : AMIMessage.escapeValue(value) }
}
