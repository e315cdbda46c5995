import AMI

/// Originate, Hangup, variables, Command, MixMonitor and the channel lists.
extension AMIActionResponder {
    /// Applications an Originate may only run with the `system` write permission (manager.c:5107).
    static let privilegedApplications = ["system", "exec", "agi", "mixmonitor", "eval", "originate", "shell"]

    func originate(_ action: AMIMessage, session: AMISimulatorSession, pbx: inout SimulatedPBX) -> [AMIMessage] {
        guard let channel = action.header("Channel"), !channel.isEmpty else { return [AMIResponses.error(action, "Channel not specified")] }
        guard channel.contains("/") else { return [AMIResponses.error(action, "Invalid channel")] }
        var request = OriginateRequest(channel: channel)
        if let priority = action.header("Priority"), !priority.isEmpty {
            guard let number = Int(priority) else { return [AMIResponses.error(action, "Invalid priority")] }
            request.priority = number
        }
        if let timeout = action.header("Timeout"), !timeout.isEmpty, Int(timeout) == nil {
            return [AMIResponses.error(action, "Invalid timeout")]
        }
        request.context = action.header("Context").flatMap { $0.isEmpty ? nil : $0 }
        request.exten = action.header("Exten").flatMap { $0.isEmpty ? nil : $0 }
        request.application = action.header("Application").flatMap { $0.isEmpty ? nil : $0 }
        request.data = action.header("Data")
        if let application = request.application?.lowercased(), !session.write.contains(.system),
            Self.privilegedApplications.contains(where: { application.contains($0) })
        {
            return [AMIResponses.error(action, "Originate with certain 'Application' arguments requires the additional System privilege, which you do not have.")]
        }
        request.callerID = action.header("CallerID")
        request.channelID = action.header("ChannelId").flatMap { $0.isEmpty ? nil : $0 }
        request.otherChannelID = action.header("OtherChannelId").flatMap { $0.isEmpty ? nil : $0 }
        if [request.channelID, request.otherChannelID].contains(where: { ($0?.count ?? 0) > 149 }) {
            return [AMIResponses.error(action, "Uniqueid length exceeds maximum of 149")]
        }
        // One `Variable:` per header; a header may also carry several, comma-separated.
        for header in action.headerValues("Variable") {
            for part in header.split(separator: ",") {
                let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { request.variables.append((pair[0].trimmingBlanks(), pair[1])) }
            }
        }
        request.actionID = action.header("ActionID")
        let isAsync = AMIResponses.isTrue(action.header("Async"))
        guard isAsync else {
            if case .failed = pbx.originate(request, announce: false) { return [AMIResponses.error(action, "Originate failed")] }
            return [AMIResponses.success(action, "Originate successfully queued")]
        }
        // The answer comes first; OriginateResponse and the channel events follow as events.
        pbx.originate(request)
        return [AMIResponses.success(action, "Originate successfully queued")]
    }

    func callAction(_ key: String, _ action: AMIMessage, pbx: inout SimulatedPBX) -> [AMIMessage] {
        switch key {
        case "hangup": return [hangup(action, pbx: &pbx)]
        case "getvar": return [getvar(action, pbx: pbx)]
        case "setvar": return [setvar(action, pbx: &pbx)]
        case "command": return [command(action, pbx: pbx)]
        case "mixmonitor", "stopmixmonitor": return [mixMonitor(action, start: key == "mixmonitor", pbx: &pbx)]
        case "coreshowchannels":
            return AMIResponses.list(action, "Channels will follow", pbx.coreShowChannelItems(actionID: action.header("ActionID")), complete: "CoreShowChannelsComplete")
        case "status": return status(action, pbx: pbx)
        case "queuestatus":
            let items = pbx.queueStatusItems(queue: nonEmpty(action, "Queue"), member: nonEmpty(action, "Member"), actionID: action.header("ActionID"))
            return AMIResponses.list(action, "Queue status will follow", items, complete: "QueueStatusComplete")
        case "queuesummary":
            let items = pbx.queueSummaryItems(queue: nonEmpty(action, "Queue"), actionID: action.header("ActionID"))
            return AMIResponses.list(action, "Queue summary will follow", items, complete: "QueueSummaryComplete")
        default:
            return [AMIResponses.error(action, "Invalid/unknown command: \(action.header("Action") ?? key). Use Action: ListCommands to show available commands.")]
        }
    }

    private func nonEmpty(_ action: AMIMessage, _ name: String) -> String? { action.header(name).flatMap { $0.isEmpty ? nil : $0 } }

    private func hangup(_ action: AMIMessage, pbx: inout SimulatedPBX) -> AMIMessage {
        guard let channel = nonEmpty(action, "Channel") else { return AMIResponses.error(action, "No channel specified") }
        let cause = action.header("Cause").flatMap { Int($0.trimmingBlanks()) } ?? 16
        guard pbx.hangup(channel, cause: cause) else { return AMIResponses.error(action, "No such channel") }
        return AMIResponses.success(action, "Channel Hungup")
    }

    private func getvar(_ action: AMIMessage, pbx: SimulatedPBX) -> AMIMessage {
        guard let variable = nonEmpty(action, "Variable") else { return AMIResponses.error(action, "No variable specified") }
        guard let value = pbx.variable(variable, channel: nonEmpty(action, "Channel")) else { return AMIResponses.error(action, "No such channel") }
        var reply = AMIResponses.success(action)
        reply.append("Variable", variable)
        reply.append("Value", value)
        return reply
    }

    private func setvar(_ action: AMIMessage, pbx: inout SimulatedPBX) -> AMIMessage {
        guard let variable = nonEmpty(action, "Variable") else { return AMIResponses.error(action, "No variable specified") }
        guard pbx.setVariable(variable, to: action.header("Value") ?? "", channel: nonEmpty(action, "Channel")) else {
            return AMIResponses.error(action, "No such channel")
        }
        return AMIResponses.success(action, "Variable Set")
    }

    private func command(_ action: AMIMessage, pbx: SimulatedPBX) -> AMIMessage {
        guard let command = nonEmpty(action, "Command") else { return AMIResponses.error(action, "No command provided") }
        let result = pbx.runCommand(command)
        var reply = AMIResponses.response(to: action, result.succeeded ? "Success" : "Error", message: "Command output follows")
        for line in result.output { reply.append("Output", line) }
        return reply
    }

    private func mixMonitor(_ action: AMIMessage, start: Bool, pbx: inout SimulatedPBX) -> AMIMessage {
        guard let channel = nonEmpty(action, "Channel") else { return AMIResponses.error(action, "No channel specified") }
        if start {
            guard pbx.startMixMonitor(channel: channel, file: action.header("File")) else { return AMIResponses.error(action, "No such channel") }
            return AMIResponses.success(action)
        }
        switch pbx.stopMixMonitor(channel: channel) {
        case nil: return AMIResponses.error(action, "No such channel")
        case false?: return AMIResponses.error(action, "Could not stop MixMonitor")
        case true?: return AMIResponses.success(action)
        }
    }

    private func status(_ action: AMIMessage, pbx: SimulatedPBX) -> [AMIMessage] {
        guard let items = pbx.statusItems(channel: nonEmpty(action, "Channel"), actionID: action.header("ActionID")) else {
            return [AMIResponses.error(action, "No such channel")]
        }
        var messages = AMIResponses.list(action, "Channel status will follow", items, complete: "StatusComplete")
        messages[messages.count - 1].append("Items", String(items.count))
        return messages
    }
}
