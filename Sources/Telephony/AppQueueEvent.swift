import AMI
import CTICore

/// Reading app_queue events (``AppQueueEvent``, defined in CTICore) from AMI messages.
extension AppQueueEvent {
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
        case "AgentCalled", "AgentRingNoAnswer", "AgentDump", "AgentConnect", "AgentComplete":
            guard let info = AgentLegInfo(event) else { return nil }
            switch name {
            case "AgentCalled": self = .agentCalled(info)
            case "AgentRingNoAnswer": self = .agentRingNoAnswer(info, ringSeconds: seconds("RingTime", scale: 0.001))
            case "AgentDump": self = .agentDumped(info)
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

extension AgentLegInfo {
    /// Reads the caller and agent blocks of an `Agent*` event.
    public init?(_ event: AMIMessage) {
        guard let queue = event["Queue"], let caller = event["Uniqueid"] else { return nil }
        let interface = event["Interface"] ?? ""
        self.init(
            queue: queue, callerUniqueID: caller, agentUniqueID: event["DestUniqueid"], memberName: event["MemberName"] ?? interface,
            interface: interface, callerNumber: ChannelLeg.known(event["CallerIDNum"]), callerName: ChannelLeg.known(event["CallerIDName"]))
    }
}

extension QueueMemberInfo {
    /// Reads a `QueueMember*` event or `QueueMember` list item (which names its fields `Name` and
    /// `Location` instead of `MemberName` and `Interface`).
    public init?(_ event: AMIMessage) {
        guard let queue = event["Queue"], let interface = event["Interface"] ?? event["Location"] else { return nil }
        func int(_ key: String) -> Int { event[key].flatMap { Int($0) } ?? 0 }
        self.init(
            queue: queue, name: event["MemberName"] ?? event["Name"] ?? interface, interface: interface,
            membership: event["Membership"] ?? "", penalty: int("Penalty"), callsTaken: int("CallsTaken"), lastCall: int("LastCall"),
            inCall: int("InCall") != 0, deviceState: int("Status"), paused: int("Paused") != 0, pausedReason: event["PausedReason"] ?? "",
            wrapUpSeconds: int("Wrapuptime"))
    }
}
