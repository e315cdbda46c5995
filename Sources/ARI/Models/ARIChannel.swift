/// A channel as ARI describes it (Swagger `Channel`); `channel.id` equals AMI's Uniqueid.
///
/// `protocol_id`, `channelvars`, `caller_rdnis` and `tenantid` may be absent (older Asterisk, or
/// no `channelvars` in ari.conf); every other Swagger-required field must be present.
public struct ARIChannel: Codable, Sendable, Hashable, Identifiable {
    /// Unique id (AMI Uniqueid).
    public var id: String
    /// The channel name, e.g. `Local/s@customer-00000005;1`.
    public var name: String
    /// The channel state (`Down`, `Ring`, `Up`, …).
    public var state: ARIChannelState
    /// Protocol id from the underlying channel driver (SIP Call-ID, …); empty for Local channels.
    public var protocolID: String?
    /// Caller id of the channel.
    public var caller: ARICallerID
    /// Connected line of the channel.
    public var connected: ARICallerID
    /// Account code.
    public var accountcode: String
    /// Where the channel is in the dialplan.
    public var dialplan: ARIDialplan
    /// Creation time as Asterisk writes it (`2026-11-22T18:02:04.506+0000`).
    public var creationtime: String
    /// Default language.
    public var language: String
    /// Variables configured by `channelvars` in ari.conf (functions evaluated).
    public var channelvars: [String: String]?
    /// The Redirecting Dialed Number Identification Service number.
    public var callerRDNIS: String?
    /// Tenant id, when set.
    public var tenantID: String?

    enum CodingKeys: String, CodingKey {
        case id, name, state, caller, connected, accountcode, dialplan, creationtime, language, channelvars
        case protocolID = "protocol_id"
        case callerRDNIS = "caller_rdnis"
        case tenantID = "tenantid"
    }

    /// A channel value.
    public init(
        id: String, name: String, state: ARIChannelState, protocolID: String? = "", caller: ARICallerID,
        connected: ARICallerID, accountcode: String = "", dialplan: ARIDialplan, creationtime: String,
        language: String = "en", channelvars: [String: String]? = nil, callerRDNIS: String? = nil, tenantID: String? = nil
    ) {
        self.id = id
        self.name = name
        self.state = state
        self.protocolID = protocolID
        self.caller = caller
        self.connected = connected
        self.accountcode = accountcode
        self.dialplan = dialplan
        self.creationtime = creationtime
        self.language = language
        self.channelvars = channelvars
        self.callerRDNIS = callerRDNIS
        self.tenantID = tenantID
    }

    /// `CHANNEL(linkedid)` from `channelvars`, when ari.conf asks for it (ARI has no linkedid field).
    public var linkedID: String? { channelvars?["CHANNEL(linkedid)"] }
}
