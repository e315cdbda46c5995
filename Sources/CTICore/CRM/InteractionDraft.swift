import Foundation

/// A call to record. When `customerID` is nil the store links the customer whose number matches
/// the remote party (caller for inbound, callee for outbound).
public struct InteractionDraft: Codable, Sendable, Hashable {
    public var callID: String?
    public var direction: CallDirection
    public var fromNumber: String
    public var toNumber: String
    public var queue: String?
    public var agent: String?
    public var ivrPath: [String]
    public var startedAt: Date
    public var waitSeconds: Double
    public var talkSeconds: Double
    public var wrapUpSeconds: Double
    public var disposition: String?
    public var recordingReference: String?
    public var customerID: Int64?
    /// Tickets to link this call to.
    public var ticketIDs: [Int64]

    public init(
        callID: String? = nil, direction: CallDirection, fromNumber: String, toNumber: String, queue: String? = nil,
        agent: String? = nil, ivrPath: [String] = [], startedAt: Date, waitSeconds: Double = 0, talkSeconds: Double = 0,
        wrapUpSeconds: Double = 0, disposition: String? = nil, recordingReference: String? = nil,
        customerID: Int64? = nil, ticketIDs: [Int64] = []
    ) {
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

    /// Checks every field; durations must be finite and not negative.
    public func validate() throws(CRMValidationError) {
        var check = ValidationCollector()
        check.checkLength(fromNumber, "fromNumber", 1...64)
        check.checkLength(toNumber, "toNumber", 1...64)
        for (name, value) in [("waitSeconds", waitSeconds), ("talkSeconds", talkSeconds), ("wrapUpSeconds", wrapUpSeconds)] {
            check.require(value.isFinite && value >= 0, name, "must be a number of seconds, not negative")
        }
        check.checkLength(callID, "callID", 1...128)
        check.checkLength(queue, "queue", 1...128)
        check.checkLength(agent, "agent", 1...128)
        check.checkLength(disposition, "disposition", 1...128)
        check.checkLength(recordingReference, "recordingReference", 1...1_024)
        check.require(ivrPath.count <= 200, "ivrPath", "must hold at most 200 steps")
        try check.finish()
    }
}
