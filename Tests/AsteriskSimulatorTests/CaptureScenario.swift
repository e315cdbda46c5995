import AMI
import AsteriskSimulator

/// The captured scenario replayed on a ``SimulatedPBX``: the same Originate (preset ids, caller
/// ID, two variables) of a `Local/s@customer` caller into `queue-in`, which runs `Queue(support)`.
enum CaptureScenario {
    static func originateRequest() -> OriginateRequest {
        var request = OriginateRequest(channel: "Local/s@customer/n")
        request.context = "queue-in"
        request.exten = "5555"
        request.priority = 1
        request.callerID = "\"Nguyen Van A\" <0912345678>"
        request.variables = [("LANG", "vi"), ("CUSTOMER_REF", "A-100")]
        request.channelID = "cap-caller-1"
        request.otherChannelID = "cap-caller-2"
        request.actionID = "orig-1"
        return request
    }

    /// The captured site at the capture's time, with agents that answer after exactly one second.
    static func pbx() -> SimulatedPBX {
        var pbx = SimulatedPBX.demo(bootTime: WallTime.captureEpoch - .seconds(873))
        pbx.settings.agents = AgentBehaviour(ringSeconds: 1...1, noAnswerProbability: 0)
        pbx.setTime(.captureEpoch)
        return pbx
    }

    /// Runs the PBX `seconds` ahead and returns the events.
    static func run(_ pbx: inout SimulatedPBX, seconds: Int64) -> [AMIMessage] {
        pbx.advance(to: pbx.now + .seconds(seconds))
        return pbx.drainEvents()
    }

    /// Event names, without the device-state noise the simulator leaves out for non-member devices.
    static func names(_ events: [AMIMessage]) -> [String] {
        events.compactMap(\.eventName).filter { $0 != "DeviceStateChange" }
    }
}

extension CaptureScenario {
    /// The captured caller's far half, whose own dialplan (Wait, Playback) the simulator shortens.
    static let customerFarHalf = "Local/s@customer-00000000;2"

    /// Events both streams are compared on: no device-state changes and none of the customer
    /// half's dialplan steps after its answer.
    static func comparable(_ events: [AMIMessage]) -> [String] {
        events.filter { event in
            guard let name = event.eventName, name != "DeviceStateChange" else { return false }
            guard event["Channel"] == customerFarHalf else { return true }
            if name == "Newexten" { return event["Application"] == "Answer" }
            return !(name == "VarSet" && event["Variable"] == "PLAYBACKSTATUS")
        }.compactMap(\.eventName)
    }

    /// The capture's messages after the response with ActionID `start` up to (not including) the
    /// first message matching `end`.
    static func captureWindow(after start: String, until end: (AMIMessage) -> Bool) throws -> [AMIMessage] {
        let messages = try CaptureShapes.messages()
        guard let first = messages.firstIndex(where: { $0.actionID == start && !$0.isEvent }) else { return [] }
        let rest = messages[(first + 1)...]
        return Array(rest.prefix { !end($0) })
    }

    /// Headers without `Timestamp`, for comparing values.
    static func withoutTimestamp(_ message: AMIMessage) -> [AMIHeader] {
        message.headers.filter { $0.name != "Timestamp" }
    }
}
