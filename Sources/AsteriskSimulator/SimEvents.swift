import AMI

/// Builds events the way Asterisk 22 writes them: `Event`, `Privilege`, `Timestamp`, then the body.
enum SimEvents {
    /// An async event of class `privilege` (`call`, `agent`, …) stamped `time`.
    static func event(_ name: String, _ privilege: String, at time: WallTime) -> AMIMessage {
        var message = AMIMessage()
        message.append("Event", name)
        message.append("Privilege", privilege + ",all")
        message.append("Timestamp", time.timestamp)
        return message
    }

    /// An event carrying one channel block.
    static func channel(_ name: String, _ channel: SimChannel, at time: WallTime, privilege: String = "call") -> AMIMessage {
        var message = event(name, privilege, at: time)
        channel.appendBlock(to: &message)
        return message
    }

    /// An event naming a caller and a second party (`Dial*`, `Agent*`).
    static func pair(_ name: String, _ privilege: String, caller: SimChannel, dest: SimChannel, at time: WallTime) -> AMIMessage {
        var message = event(name, privilege, at: time)
        caller.appendBlock(to: &message)
        dest.appendBlock(to: &message, prefix: "Dest")
        return message
    }

    /// `DeviceStateChange`.
    static func deviceState(_ device: String, _ state: DeviceState, at time: WallTime) -> AMIMessage {
        var message = event("DeviceStateChange", "call", at: time)
        message.append("Device", device)
        message.append("State", state.name)
        return message
    }

    /// A `QueueMember*` event.
    static func member(_ name: String, _ member: SimQueueMember, queue: String, at time: WallTime) -> AMIMessage {
        var message = event(name, "agent", at: time)
        member.appendEventBlock(to: &message, queue: queue)
        return message
    }

    /// A `Bridge*` event without a channel.
    static func bridge(_ name: String, _ bridge: SimBridge, at time: WallTime) -> AMIMessage {
        var message = event(name, "call", at: time)
        bridge.appendBlock(to: &message)
        return message
    }

    /// Hangup cause text, as `ast_cause2str`.
    static func causeText(_ cause: Int) -> String {
        switch cause {
        case 0: "Unknown"
        case 1: "Unallocated (unassigned) number"
        case 16: "Normal Clearing"
        case 17: "User busy"
        case 18: "No user responding"
        case 19: "User alerting, no answer"
        case 21: "Call Rejected"
        case 26: "Answered elsewhere"
        case 27: "Destination out of order"
        case 31: "Normal, unspecified"
        case 34: "Circuit/channel congestion"
        case 38: "Network out of order"
        case 41: "Temporary failure"
        case 66: "Channel not implemented"
        case 127: "Interworking, unspecified"
        default: "Unknown"
        }
    }
}

/// Asterisk device states, as in `DeviceStateChange` (name) and queue member `Status` (number).
public enum DeviceState: Int, Sendable, Hashable {
    case unknown = 0, notInUse, inUse, busy, invalid, unavailable, ringing, ringInUse, onHold

    /// The name in `DeviceStateChange`.
    public var name: String {
        switch self {
        case .unknown: "UNKNOWN"
        case .notInUse: "NOT_INUSE"
        case .inUse: "INUSE"
        case .busy: "BUSY"
        case .invalid: "INVALID"
        case .unavailable: "UNAVAILABLE"
        case .ringing: "RINGING"
        case .ringInUse: "RINGINUSE"
        case .onHold: "ONHOLD"
        }
    }
}
