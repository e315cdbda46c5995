import CTICore

/// A caller to queue: a channel already in the Stasis application, and what is known about it.
public struct ACDEnqueueRequest: Sendable, Hashable {
    /// The caller's channel id (in Stasis).
    public var channelID: String
    /// The queue to join.
    public var queue: QueueID
    /// Caller ID number.
    public var callerNumber: String?
    /// Caller ID name.
    public var callerName: String?
    /// The number the caller dialled.
    public var dnis: String?
    /// Skills the call needs.
    public var skills: [SkillRequirement]
    /// Base priority; higher is served first.
    public var priority: Int
    /// The customer, when the IVR identified one.
    public var customerID: String?
    /// The IVR nodes the caller went through, in order.
    public var ivrPath: [String]
    /// Variables the IVR collected, carried to the screen-pop.
    public var variables: [String: String]

    /// A request to queue `channelID` in `queue`.
    public init(
        channelID: String, queue: QueueID, callerNumber: String? = nil, callerName: String? = nil, dnis: String? = nil,
        skills: [SkillRequirement] = [], priority: Int = 0, customerID: String? = nil, ivrPath: [String] = [],
        variables: [String: String] = [:]
    ) {
        self.channelID = channelID
        self.queue = queue
        self.callerNumber = callerNumber
        self.callerName = callerName
        self.dnis = dnis
        self.skills = skills
        self.priority = priority
        self.customerID = customerID
        self.ivrPath = ivrPath
        self.variables = variables
    }
}

/// What a screen-pop shows about a call.
public struct ACDCallInfo: Sendable, Hashable {
    /// The call.
    public var id: CallID
    /// The caller's channel (ARI channel id, or AMI Uniqueid in observer mode).
    public var channelID: String
    /// The queue.
    public var queue: QueueID
    /// Caller ID number.
    public var callerNumber: String?
    /// Caller ID name.
    public var callerName: String?
    /// The number dialled.
    public var dnis: String?
    /// The customer, when known.
    public var customerID: String?
    /// The IVR path.
    public var ivrPath: [String]
    /// Variables collected by the IVR.
    public var variables: [String: String]

    /// Call details.
    public init(
        id: CallID, channelID: String, queue: QueueID, callerNumber: String? = nil, callerName: String? = nil, dnis: String? = nil,
        customerID: String? = nil, ivrPath: [String] = [], variables: [String: String] = [:]
    ) {
        self.id = id
        self.channelID = channelID
        self.queue = queue
        self.callerNumber = callerNumber
        self.callerName = callerName
        self.dnis = dnis
        self.customerID = customerID
        self.ivrPath = ivrPath
        self.variables = variables
    }
}
