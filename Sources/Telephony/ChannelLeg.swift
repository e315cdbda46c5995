import AMI

/// One Asterisk channel as CTIBridge knows it, keyed by its Uniqueid.
public struct ChannelLeg: Sendable, Hashable {
    /// Asterisk's Uniqueid (equal to the ARI channel id).
    public var uniqueID: String
    /// The call it belongs to; changes when bridging makes members adopt the oldest Linkedid.
    public var linkedID: String
    /// The channel name, e.g. `PJSIP/1001-00000002`.
    public var name: String
    /// Current state.
    public var state: ChannelState
    /// Caller ID number, nil when Asterisk reports `<unknown>`.
    public var callerIDNumber: String?
    /// Caller ID name, nil when unknown.
    public var callerIDName: String?
    /// Connected line number, nil when unknown.
    public var connectedLineNumber: String?
    /// Connected line name, nil when unknown.
    public var connectedLineName: String?
    /// Dialplan context.
    public var context: String?
    /// Dialplan extension.
    public var exten: String?
    /// The dialplan application running, when reported.
    public var application: String?
    /// The bridge the channel is in, if any.
    public var bridgeID: String?
    /// The app_queue queue the caller joined.
    public var queue: String?
    /// The queue member that answered this caller.
    public var agent: String?

    /// A leg read from the channel block of any channel event or `CoreShowChannel` item.
    public init?(channelBlock message: AMIMessage) {
        guard let uniqueID = message["Uniqueid"], !uniqueID.isEmpty else { return nil }
        self.uniqueID = uniqueID
        self.linkedID = message["Linkedid"].flatMap { $0.isEmpty ? nil : $0 } ?? uniqueID
        self.name = message["Channel"] ?? ""
        self.state = ChannelState(amiValue: message["ChannelState"])
        self.callerIDNumber = nil
        self.callerIDName = nil
        update(from: message)
        if let bridge = message["BridgeId"], !bridge.isEmpty { bridgeID = bridge }
        if let app = message["Application"], !app.isEmpty { application = app }
    }

    /// Refreshes the channel-block fields present in `message`.
    public mutating func update(from message: AMIMessage) {
        if let name = message["Channel"], !name.isEmpty { self.name = name }
        if message.contains("ChannelState") { state = ChannelState(amiValue: message["ChannelState"]) }
        if message.contains("CallerIDNum") { callerIDNumber = Self.known(message["CallerIDNum"]) }
        if message.contains("CallerIDName") { callerIDName = Self.known(message["CallerIDName"]) }
        if message.contains("ConnectedLineNum") { connectedLineNumber = Self.known(message["ConnectedLineNum"]) }
        if message.contains("ConnectedLineName") { connectedLineName = Self.known(message["ConnectedLineName"]) }
        if let context = message["Context"] { self.context = context }
        if let exten = message["Exten"] { self.exten = exten }
    }

    /// Asterisk writes `<unknown>` (or nothing) for an absent caller ID.
    static func known(_ value: String?) -> String? {
        guard let value, !value.isEmpty, value != "<unknown>" else { return nil }
        return value
    }
}
