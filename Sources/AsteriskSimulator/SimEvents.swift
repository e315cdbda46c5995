import AMI

/// Builds events the way Asterisk 22 writes them: `Event`, `Privilege`, `Timestamp`, then the body.
enum SimEvents {
    /// An async event with its privilege classes (`call`, `agent`, …) and a microsecond timestamp.
    static func event(_ name: String, _ privilege: String, at time: Double) -> AMIMessage {
        var message = AMIMessage()
        message.append("Event", name)
        message.append("Privilege", "\(privilege),all")
        message.append("Timestamp", timestamp(time))
        return message
    }

    /// `1795370459.873493`-style seconds with six decimals.
    static func timestamp(_ time: Double) -> String {
        let micros = Int64((time * 1_000_000).rounded())
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

    static func channelEvent(_ name: String, _ channel: SimChannel, at time: Double, privilege: String = "call") -> AMIMessage {
        var message = event(name, privilege, at: time)
        channel.appendBlock(to: &message)
        return message
    }

    static func deviceState(_ device: String, _ state: String, at time: Double) -> AMIMessage {
        var message = event("DeviceStateChange", "call", at: time)
        message.append("Device", device)
        message.append("State", state)
        return message
    }

    static func member(_ name: String, _ member: SimQueueMember, queue: String, at time: Double) -> AMIMessage {
        var message = event(name, "agent", at: time)
        member.appendEventBlock(to: &message, queue: queue)
        return message
    }

    static func bridge(_ name: String, id: String, channels: Int, at time: Double) -> AMIMessage {
        var message = event(name, "call", at: time)
        appendBridgeBlock(to: &message, id: id, channels: channels)
        return message
    }

    static func appendBridgeBlock(to message: inout AMIMessage, id: String, channels: Int) {
        message.append("BridgeUniqueid", id)
        message.append("BridgeType", "basic")
        message.append("BridgeTechnology", "simple_bridge")
        message.append("BridgeCreator", "<unknown>")
        message.append("BridgeName", "<unknown>")
        message.append("BridgeNumChannels", String(channels))
        message.append("BridgeVideoSourceMode", "none")
    }

    /// An event naming a caller and an agent leg (Dial*, Agent*).
    static func pair(_ name: String, _ privilege: String, caller: SimChannel, dest: SimChannel, at time: Double) -> AMIMessage {
        var message = event(name, privilege, at: time)
        caller.appendBlock(to: &message)
        dest.appendBlock(to: &message, prefix: "Dest")
        return message
    }

    /// Hangup cause text for the causes the simulator uses.
    static func causeText(_ cause: Int) -> String {
        switch cause {
        case 16: "Normal Clearing"
        case 17: "User busy"
        case 19: "No user responding"
        case 21: "Call Rejected"
        case 34: "Circuit/channel congestion"
        default: "Unknown"
        }
    }
}
