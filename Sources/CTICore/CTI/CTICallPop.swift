/// What an agent's desktop shows for a call: sent on offer (agent leg ringing) and on connected.
public struct CTICallPop: Codable, Sendable, Hashable {
    public var callID: String
    public var callerNumber: String
    public var callerName: String?
    /// The dialled number.
    public var dnis: String
    public var queue: String
    public var waitSeconds: Double
    /// IVR node ids the caller passed through, in order.
    public var ivrPath: [String]
    /// Digits collected by the IVR, by variable name.
    public var collectedDigits: [String: String]
    public var customer: CTICustomerSummary?
    public var openTickets: [CTITicketSummary]
    public var lastInteractions: [CTIInteractionSummary]
    public var recordingID: String?
    /// The site's CRM page for this caller, from its `ScreenPopURLTemplate`.
    public var crmURL: String?

    public init(
        callID: String, callerNumber: String, callerName: String? = nil, dnis: String, queue: String,
        waitSeconds: Double, ivrPath: [String] = [], collectedDigits: [String: String] = [:],
        customer: CTICustomerSummary? = nil, openTickets: [CTITicketSummary] = [],
        lastInteractions: [CTIInteractionSummary] = [], recordingID: String? = nil, crmURL: String? = nil
    ) {
        self.callID = callID
        self.callerNumber = callerNumber
        self.callerName = callerName
        self.dnis = dnis
        self.queue = queue
        self.waitSeconds = waitSeconds
        self.ivrPath = ivrPath
        self.collectedDigits = collectedDigits
        self.customer = customer
        self.openTickets = openTickets
        self.lastInteractions = lastInteractions
        self.recordingID = recordingID
        self.crmURL = crmURL
    }
}

/// The call is over for this agent.
public struct CTICallEnded: Codable, Sendable, Hashable {
    public var callID: String
    /// "caller", "agent", "transfer", "abandoned", "no-answer", …
    public var reason: String
    public var talkSeconds: Double

    public init(callID: String, reason: String, talkSeconds: Double) {
        self.callID = callID
        self.reason = reason
        self.talkSeconds = talkSeconds
    }
}

/// The agent's own state changed (ready, paused, on call, …).
public struct CTIAgentStateChange: Codable, Sendable, Hashable {
    public var agentID: String
    public var state: AgentStateKind
    public var reason: String?
    public var queues: [String]

    public init(agentID: String, state: AgentStateKind, reason: String? = nil, queues: [String] = []) {
        self.agentID = agentID
        self.state = state
        self.reason = reason
        self.queues = queues
    }
}

/// The call entered wrap-up: the desktop asks for a disposition.
public struct CTIWrapUp: Codable, Sendable, Hashable {
    public var callID: String
    public var seconds: Double
    /// Dispositions the agent may choose from.
    public var dispositions: [String]

    public init(callID: String, seconds: Double, dispositions: [String]) {
        self.callID = callID
        self.seconds = seconds
        self.dispositions = dispositions
    }
}
