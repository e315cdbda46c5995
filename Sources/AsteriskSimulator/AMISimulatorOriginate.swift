import AMI

/// `Originate` as Asterisk answers it with `Async: true`: queued, channel events, then
/// `OriginateResponse` carrying the ActionID.
struct AMISimulatorOriginate {
    let now: Double

    /// Technologies the simulator can dial; anything else fails like an unknown technology.
    static let technologies: Set<String> = ["pjsip", "sip", "local", "iax2", "dahdi"]

    func originate(_ action: AMIMessage, pbx: inout SimulatedPBX) -> [AMIResponderOutput] {
        guard let target = action["Channel"], !target.isEmpty else {
            return [.reply(AMIActionResponder.response(to: action, "Error", message: "Channel not specified"))]
        }
        let hasExten = action["Exten"] != nil || action["Context"] != nil
        let hasApp = action["Application"] != nil
        guard hasExten != hasApp || hasExten else {
            return [.reply(AMIActionResponder.response(to: action, "Error", message: "Channel not specified"))]
        }
        var outputs: [AMIResponderOutput] = [
            .reply(AMIActionResponder.response(to: action, "Success", message: "Originate successfully queued"))
        ]
        let technology = String(target.prefix { $0 != "/" }).lowercased()
        let callerID = Self.parseCallerID(action["CallerID"] ?? "")
        let context = action["Context"] ?? "default"
        let exten = action["Exten"] ?? "s"
        guard Self.technologies.contains(technology), target.contains("/") else {
            outputs.append(.broadcast(response(action, success: false, channel: target, reason: 0, uniqueID: "<null>", callerID: callerID)))
            return outputs
        }
        // `Local/s@customer/n` names its halves after `Local/s@customer`.
        let resource = target.hasSuffix("/n") ? String(target.dropLast(2)) : target
        let (first, firstEvents) = pbx.newChannel(
            resource: resource, uniqueID: action["ChannelId"], state: 0, callerNumber: callerID.number,
            callerName: callerID.name, context: context, exten: exten, at: now)
        var events = firstEvents
        if technology == "local" {
            let (_, secondEvents) = pbx.newChannel(
                resource: resource, uniqueID: action["OtherChannelId"], linkedID: first.linkedID, state: 4,
                callerNumber: callerID.number, callerName: callerID.name, context: context, exten: exten, at: now)
            events += secondEvents
        }
        for variable in action.values("Variable") {
            let parts = variable.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { events += pbx.setVariable(first.uniqueID, parts[0], parts[1], at: now) }
        }
        events += pbx.setState(first.uniqueID, 6, at: now)
        if let app = action["Application"] {
            events += pbx.runApplication(first.uniqueID, app, data: action["Data"] ?? "", at: now)
        } else {
            events += pbx.runApplication(first.uniqueID, "NoOp", data: "originated to \(exten)@\(context)", at: now)
        }
        outputs += events.map { .broadcast($0) }
        let placed = pbx.channels[first.uniqueID] ?? first
        outputs.append(.broadcast(response(action, success: true, channel: placed.name, reason: 4, uniqueID: placed.uniqueID, callerID: callerID)))
        return outputs
    }

    private func response(_ action: AMIMessage, success: Bool, channel: String, reason: Int, uniqueID: String, callerID: (number: String, name: String)) -> AMIMessage {
        var event = SimEvents.event("OriginateResponse", "call", at: now)
        if let id = action.actionID, !id.isEmpty { event.append("ActionID", id) }
        event.append("Response", success ? "Success" : "Failure")
        event.append("Channel", channel)
        event.append("Context", action["Context"] ?? "")
        event.append("Exten", action["Exten"] ?? "")
        event.append("Reason", String(reason))
        event.append("Uniqueid", uniqueID)
        event.append("CallerIDNum", SimChannel.shown(callerID.number))
        event.append("CallerIDName", SimChannel.shown(callerID.name))
        return event
    }

    /// Splits `"Name" <number>` (or a bare number) into its parts.
    static func parseCallerID(_ text: String) -> (number: String, name: String) {
        guard let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else {
            return (text.trimmingCharacters(in: " "), "")
        }
        let number = String(text[text.index(after: open)..<close])
        let name = String(text[..<open]).trimmingCharacters(in: " ").trimmingCharacters(in: "\"")
        return (number, name)
    }
}
