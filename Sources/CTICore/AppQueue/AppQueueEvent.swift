/// The app_queue events CTIBridge follows in observer mode, with units made explicit.
///
/// Asterisk reports `RingTime` in milliseconds on `AgentRingNoAnswer` but in seconds on
/// `AgentConnect`; `HoldTime` and `TalkTime` are durations in seconds although the XML docs call
/// them epoch times (and `HoldTime` is the caller's wait in the queue, not time on hold). Here
/// every duration is in seconds as a `Double`. Telephony reads these from AMI messages.
public enum AppQueueEvent: Sendable, Hashable {
    /// A caller entered a queue.
    case callerJoined(caller: String, queue: String, position: Int, count: Int)
    /// A caller left a queue (answered, timed out or moved on).
    case callerLeft(caller: String, queue: String, position: Int, count: Int)
    /// A caller hung up while waiting.
    case callerAbandoned(caller: String, queue: String, position: Int, originalPosition: Int, holdSeconds: Double)
    /// A member's phone is being rung for a caller.
    case agentCalled(AgentLegInfo)
    /// A member did not answer in time.
    case agentRingNoAnswer(AgentLegInfo, ringSeconds: Double)
    /// A member answered but hung up before being connected (during the member announcement);
    /// the caller goes back to waiting.
    case agentDumped(AgentLegInfo)
    /// A member answered.
    case agentConnected(AgentLegInfo, holdSeconds: Double, ringSeconds: Double)
    /// A call handled by a member ended; `reason` is `caller`, `agent` or `transfer`.
    case agentCompleted(AgentLegInfo, holdSeconds: Double, talkSeconds: Double, reason: String)
    /// A member's state, pause or membership changed (`QueueMember*` events; `kind` is the rest of
    /// the name: `Added`, `Removed`, `Pause`, `Status`, …, empty for a `QueueMember` list item).
    case memberChanged(QueueMemberInfo, kind: String)
}

/// The caller and agent legs named by an `Agent*` event.
public struct AgentLegInfo: Sendable, Hashable {
    /// The queue.
    public var queue: String
    /// Uniqueid of the caller's channel.
    public var callerUniqueID: String
    /// Uniqueid of the agent's channel (the `Dest` block), when present.
    public var agentUniqueID: String?
    /// The member's name.
    public var memberName: String
    /// The member's interface, e.g. `PJSIP/1001`.
    public var interface: String
    /// Caller ID number of the caller.
    public var callerNumber: String?
    /// Caller ID name of the caller.
    public var callerName: String?

    /// The legs of an `Agent*` event.
    public init(
        queue: String, callerUniqueID: String, agentUniqueID: String? = nil, memberName: String, interface: String,
        callerNumber: String? = nil, callerName: String? = nil
    ) {
        self.queue = queue
        self.callerUniqueID = callerUniqueID
        self.agentUniqueID = agentUniqueID
        self.memberName = memberName
        self.interface = interface
        self.callerNumber = callerNumber
        self.callerName = callerName
    }
}

/// A queue member as reported by `QueueMember*` events (or a `QueueMember` list item).
public struct QueueMemberInfo: Sendable, Hashable {
    /// The queue.
    public var queue: String
    /// The member's name.
    public var name: String
    /// The member's interface.
    public var interface: String
    /// `static`, `dynamic` or `realtime`.
    public var membership: String
    /// The member's penalty.
    public var penalty: Int
    /// Calls this member took.
    public var callsTaken: Int
    /// Epoch seconds of the member's last call, 0 when none.
    public var lastCall: Int
    /// Whether the member is on a call now.
    public var inCall: Bool
    /// Device state 0–8 (`AST_DEVICE_*`: 1 not in use, 2 in use, 6 ringing, 5 unavailable, …).
    public var deviceState: Int
    /// Whether the member is paused.
    public var paused: Bool
    /// The pause reason, empty when none.
    public var pausedReason: String
    /// Wrap-up seconds configured for the member; 0 means the queue's `wrapuptime` applies.
    public var wrapUpSeconds: Int

    /// A member record.
    public init(
        queue: String, name: String, interface: String, membership: String = "", penalty: Int = 0, callsTaken: Int = 0,
        lastCall: Int = 0, inCall: Bool = false, deviceState: Int = 1, paused: Bool = false, pausedReason: String = "",
        wrapUpSeconds: Int = 0
    ) {
        self.queue = queue
        self.name = name
        self.interface = interface
        self.membership = membership
        self.penalty = penalty
        self.callsTaken = callsTaken
        self.lastCall = lastCall
        self.inCall = inCall
        self.deviceState = deviceState
        self.paused = paused
        self.pausedReason = pausedReason
        self.wrapUpSeconds = wrapUpSeconds
    }
}
