import CTICore

/// A callback to queue with no caller on the line (an IVR's callback node, or one stored before
/// a restart): see ``ACDController/scheduleCallback(_:)``.
public struct ACDCallbackRequest: Sendable, Hashable {
    /// The call's id for its whole life (e.g. `cb-<stored id>`).
    public var id: CallID
    /// The queue it waits in.
    public var queue: QueueID
    /// The customer's number, dialled at the configuration's `callbackEndpoint`.
    public var number: String
    /// Base priority; higher is served first.
    public var priority: Int
    /// Skills the agent needs.
    public var skills: [SkillRequirement]
    /// Seconds since it was asked for: its place in line. 0 is now.
    public var age: Double
    /// Caller ID name, for the screen-pop.
    public var callerName: String?
    /// The number the caller had dialled.
    public var dnis: String?
    /// The customer, when the IVR identified one.
    public var customerID: String?
    /// The IVR nodes the caller went through, in order.
    public var ivrPath: [String]
    /// Variables the IVR collected, carried to the screen-pop.
    public var variables: [String: String]

    /// A callback to `number` in `queue`, asked for `age` seconds ago.
    public init(
        id: CallID, queue: QueueID, number: String, priority: Int = 0, skills: [SkillRequirement] = [], age: Double = 0,
        callerName: String? = nil, dnis: String? = nil, customerID: String? = nil, ivrPath: [String] = [], variables: [String: String] = [:]
    ) {
        self.id = id
        self.queue = queue
        self.number = number
        self.priority = priority
        self.skills = skills
        self.age = age
        self.callerName = callerName
        self.dnis = dnis
        self.customerID = customerID
        self.ivrPath = ivrPath
        self.variables = variables
    }
}
