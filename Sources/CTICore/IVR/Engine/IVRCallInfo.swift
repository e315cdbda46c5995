/// What is known about a call when it enters the IVR (from ARI `StasisStart`).
public struct IVRCallInfo: Sendable, Hashable, Codable {
    /// ARI channel id.
    public var channelID: String
    /// Caller ID number; empty when withheld.
    public var callerID: String
    /// Caller ID name, if any.
    public var callerName: String?
    /// The dialled number (DNIS).
    public var dnis: String

    public init(channelID: String, callerID: String, callerName: String? = nil, dnis: String) {
        self.channelID = channelID
        self.callerID = callerID
        self.callerName = callerName
        self.dnis = dnis
    }
}
