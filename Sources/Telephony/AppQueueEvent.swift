import AMI

/// The app_queue events CTIBridge follows in observer mode, with units made explicit.
///
/// Asterisk reports `RingTime` in milliseconds on `AgentRingNoAnswer` but in seconds on
/// `AgentConnect`; `HoldTime` and `TalkTime` are durations in seconds although the XML docs call
/// them epoch times. Here every duration is in seconds as a `Double`.
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
    /// A member answered.
    case agentConnected(AgentLegInfo, holdSeconds: Double, ringSeconds: Double)
    /// A call handled by a member ended.
    case agentCompleted(AgentLegInfo, holdSeconds: Double, talkSeconds: Double, reason: String)
    /// A member's state, pause or membership changed (`QueueMember*` events).
    case memberChanged(QueueMemberInfo, kind: String)

    /// Reads an AMI event; nil for events that are not app_queue events or lack required fields.
    public init?(_ event: AMIMessage) {
        guard let name = event.eventName else { return nil }
        func int(_ key: String) -> Int? { event[key].flatMap { Int($0) } }
        func seconds(_ key: String, scale: Double = 1) -> Double { (event[key].flatMap { Double($0) } ?? 0) * scale }
        switch name {
        case "QueueCallerJoin", "QueueCallerLeave":
            guard let caller = event["Uniqueid"], let queue = event["Queue"] else { return nil }
            let position = int("Position") ?? 0
            let count = int("Count") ?? 0
            self = name == "QueueCallerJoin"
                ? .callerJoined(caller: caller, queue: queue, position: position, count: count)
                : .callerLeft(caller: caller, queue: queue, position: position, count: count)
        case "QueueCallerAbandon":
            guard let caller = event["Uniqueid"], let queue = event["Queue"] else { return nil }
            self = .callerAbandoned(
                caller: caller, queue: queue, position: int("Position") ?? 0, originalPosition: int("OriginalPosition") ?? 0,
                holdSeconds: seconds("HoldTime"))
        case "AgentCalled", "AgentRingNoAnswer", "AgentConnect", "AgentComplete":
            guard let info = AgentLegInfo(event) else { return nil }
            switch name {
            case "AgentCalled": self = .agentCalled(info)
            case "AgentRingNoAnswer": self = .agentRingNoAnswer(info, ringSeconds: seconds("RingTime", scale: 0.001))
            case "AgentConnect": self = .agentConnected(info, holdSeconds: seconds("HoldTime"), ringSeconds: seconds("RingTime"))
            default: self = .agentCompleted(info, holdSeconds: seconds("HoldTime"), talkSeconds: seconds("TalkTime"), reason: event["Reason"] ?? "")
            }
        case _ where name.hasPrefix("QueueMember"):
            guard let info = QueueMemberInfo(event) else { return nil }
            self = .memberChanged(info, kind: String(name.dropFirst("QueueMember".count)))
        default:
            return nil
        }
    }
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

    /// Reads the caller and agent blocks of an `Agent*` event.
    public init?(_ event: AMIMessage) {
        guard let queue = event["Queue"], let caller = event["Uniqueid"] else { return nil }
        self.queue = queue
        self.callerUniqueID = caller
        self.agentUniqueID = event["DestUniqueid"]
        self.interface = event["Interface"] ?? ""
        self.memberName = event["MemberName"] ?? interface
        self.callerNumber = ChannelLeg.known(event["CallerIDNum"])
        self.callerName = ChannelLeg.known(event["CallerIDName"])
    }
}

/// A queue member as reported by `QueueMember*` events (or a `QueueMember` list item, which
/// names its fields `Name` and `Location` instead of `MemberName` and `Interface`).
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
    /// Wrap-up seconds configured for the member.
    public var wrapUpSeconds: Int

    /// Reads a `QueueMember*` event or `QueueMember` list item.
    public init?(_ event: AMIMessage) {
        guard let queue = event["Queue"], let interface = event["Interface"] ?? event["Location"] else { return nil }
        func int(_ key: String) -> Int { event[key].flatMap { Int($0) } ?? 0 }
        self.queue = queue
        self.interface = interface
        self.name = event["MemberName"] ?? event["Name"] ?? interface
        self.membership = event["Membership"] ?? ""
        self.penalty = int("Penalty")
        self.callsTaken = int("CallsTaken")
        self.lastCall = int("LastCall")
        self.inCall = int("InCall") != 0
        self.deviceState = int("Status")
        self.paused = int("Paused") != 0
        self.pausedReason = event["PausedReason"] ?? ""
        self.wrapUpSeconds = int("Wrapuptime")
    }
}
