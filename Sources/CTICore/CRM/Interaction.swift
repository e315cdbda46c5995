import Foundation

/// One call handled by the contact centre, as recorded for the customer timeline.
public struct Interaction: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64
    /// The PBX call id (Asterisk linkedid), if known.
    public var callID: String?
    public var direction: CallDirection
    /// Caller number in E.164 when it could be normalised, otherwise as received.
    public var fromNumber: String
    public var toNumber: String
    public var queue: String?
    public var agent: String?
    /// IVR nodes visited, in order.
    public var ivrPath: [String]
    public var startedAt: Date
    public var waitSeconds: Double
    public var talkSeconds: Double
    public var wrapUpSeconds: Double
    public var disposition: String?
    /// Where the recording is kept (file name or URL), if recorded.
    public var recordingReference: String?
    public var customerID: Int64?
    /// Tickets linked to this call.
    public var ticketIDs: [Int64]

    public init(
        id: Int64, callID: String?, direction: CallDirection, fromNumber: String, toNumber: String, queue: String?,
        agent: String?, ivrPath: [String], startedAt: Date, waitSeconds: Double, talkSeconds: Double,
        wrapUpSeconds: Double, disposition: String?, recordingReference: String?, customerID: Int64?, ticketIDs: [Int64]
    ) {
        self.id = id
        self.callID = callID
        self.direction = direction
        self.fromNumber = fromNumber
        self.toNumber = toNumber
        self.queue = queue
        self.agent = agent
        self.ivrPath = ivrPath
        self.startedAt = startedAt
        self.waitSeconds = waitSeconds
        self.talkSeconds = talkSeconds
        self.wrapUpSeconds = wrapUpSeconds
        self.disposition = disposition
        self.recordingReference = recordingReference
        self.customerID = customerID
        self.ticketIDs = ticketIDs
    }
}
