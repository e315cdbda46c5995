import AMI
import CTICore

/// What the simulator does after reading one action.
enum AMIResponderOutput: Sendable {
    /// Write to this session only (responses, list items, FullyBooted).
    case reply(AMIMessage)
    /// Deliver to every session whose event mask accepts it.
    case broadcast(AMIMessage)
    /// Wait the failed-login delay, write this, then close.
    case refuseLogin(AMIMessage)
    /// Close this session after what was written.
    case close
}

/// Answers AMI actions the way Asterisk 22 does, against a ``SimulatedPBX``. Pure: no I/O.
struct AMIActionResponder {
    let users: [String: String]
    let now: Double

    func respond(to action: AMIMessage, session: inout AMISimulatorSession, pbx: inout SimulatedPBX, random: inout SeededGenerator) -> [AMIResponderOutput] {
        guard let name = action["Action"], !name.isEmpty else {
            return [.reply(error(action, "Missing action in request"))]
        }
        switch name.lowercased() {
        case "login": return login(action, session: &session)
        case "challenge": return challenge(action, session: &session, random: &random)
        case "logoff": return [.reply(response(action, "Goodbye", message: "Thanks for all the fish.")), .close]
        default: break
        }
        guard session.isAuthenticated else { return [.reply(error(action, "Permission denied"))] }
        switch name.lowercased() {
        case "ping":
            var reply = response(action, "Success")
            reply.append("Ping", "Pong")
            reply.append("Timestamp", SimEvents.timestamp(now))
            return [.reply(reply)]
        case "events":
            session.eventMask = AMISimulatorSession.mask(action["EventMask"])
            var reply = response(action, "Success")
            reply.append("Events", session.eventMask == [] ? "Off" : "On")
            return [.reply(reply)]
        case "command": return [.reply(command(action, pbx: pbx))]
        case "getvar": return getvar(action, pbx: pbx)
        case "setvar": return setvar(action, pbx: &pbx)
        case "coreshowchannels": return AMISimulatorLists.coreShowChannels(action, pbx: pbx, now: now).map { .reply($0) }
        case "status": return AMISimulatorLists.status(action, pbx: pbx, now: now).map { .reply($0) }
        case "queuestatus": return AMISimulatorLists.queueStatus(action, pbx: pbx, now: now).map { .reply($0) }
        case "queuesummary": return AMISimulatorLists.queueSummary(action, pbx: pbx, now: now).map { .reply($0) }
        case "queueadd": return queueAdd(action, pbx: &pbx)
        case "queueremove": return queueRemove(action, pbx: &pbx)
        case "queuepause": return queuePause(action, pbx: &pbx)
        case "originate": return AMISimulatorOriginate(now: now).originate(action, pbx: &pbx)
        case "hangup": return hangup(action, pbx: &pbx)
        case "mixmonitor", "stopmixmonitor": return mixMonitor(action, start: name.lowercased() == "mixmonitor", pbx: pbx)
        default:
            return [.reply(error(action, "Invalid/unknown command: \(name). Use Action: ListCommands to show available commands."))]
        }
    }

    // MARK: Login

    private func login(_ action: AMIMessage, session: inout AMISimulatorSession) -> [AMIResponderOutput] {
        let username = action["Username"] ?? ""
        let authorized: Bool
        if let secret = users[username] {
            if action["AuthType"]?.lowercased() == "md5" {
                authorized = session.challenge.map { action["Key"] == AMICredentials.md5Key(challenge: $0, secret: secret) } ?? false
            } else {
                authorized = action["Secret"] == secret
            }
        } else {
            authorized = false
        }
        guard authorized else { return [.refuseLogin(error(action, "Authentication failed"))] }
        session.username = username
        session.eventMask = AMISimulatorSession.mask(action["Events"])
        var booted = AMIMessage()
        booted.append("Event", "FullyBooted")
        booted.append("Privilege", "system,all")
        booted.append("Uptime", String(Int(now - pbxUptimeBase)))
        booted.append("LastReload", String(Int(now - pbxUptimeBase)))
        booted.append("Status", "Fully Booted")
        var outputs: [AMIResponderOutput] = [.reply(response(action, "Success", message: "Authentication accepted"))]
        if session.accepts(booted) { outputs.append(.reply(booted)) }
        return outputs
    }

    /// Uptime is counted from the login-time `now` minus a fixed offset so FullyBooted looks real.
    private var pbxUptimeBase: Double { now - 862 }

    private func challenge(_ action: AMIMessage, session: inout AMISimulatorSession, random: inout SeededGenerator) -> [AMIResponderOutput] {
        guard action["AuthType"]?.lowercased() == "md5" else { return [.reply(error(action, "Must specify AuthType"))] }
        let challenge = String(random.next() % 900_000_000 + 100_000_000)
        session.challenge = challenge
        var reply = response(action, "Success")
        reply.append("Challenge", challenge)
        return [.reply(reply)]
    }

    // MARK: Simple actions

    private func command(_ action: AMIMessage, pbx: SimulatedPBX) -> AMIMessage {
        let text = (action["Command"] ?? "").lowercased().split(separator: " ").joined(separator: " ")
        let uptime = Self.duration(now - pbx.bootTime)
        var lines: [String]
        var ok = true
        switch text {
        case "core show uptime":
            lines = ["System uptime: \(uptime)", "Last reload: \(uptime)"]
        case "core show channels":
            lines = ["Channel              Location             State   Application(Data)"]
            lines += pbx.orderedChannels.map { "\($0.name) \($0.exten)@\($0.context):\($0.priority) \($0.stateDescription) \($0.application)(\($0.applicationData))" }
            let calls = Set(pbx.orderedChannels.map(\.linkedID)).count
            lines += ["\(pbx.channels.count) active channels", "\(calls) active calls"]
        case "core show version":
            lines = ["Asterisk 22.10.1 (simulated by CTIBridge)"]
        default:
            ok = false
            lines = ["No such command '\(action["Command"] ?? "")' (type 'core show help \(action["Command"] ?? "")' for other possible commands)"]
        }
        var reply = response(action, ok ? "Success" : "Error", message: "Command output follows")
        for line in lines { reply.append("Output", line) }
        return reply
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds)
        let (minutes, secs) = (total / 60, total % 60)
        return minutes > 0 ? "\(minutes) minutes, \(secs) seconds" : "\(secs) seconds"
    }

    private func getvar(_ action: AMIMessage, pbx: SimulatedPBX) -> [AMIResponderOutput] {
        guard let variable = action["Variable"], !variable.isEmpty else { return [.reply(error(action, "No variable specified"))] }
        let channel = action["Channel"]
        if let channel, pbx.channel(named: channel) == nil { return [.reply(error(action, "No such channel"))] }
        var reply = response(action, "Success")
        reply.append("Variable", variable)
        reply.append("Value", pbx.variable(variable, channel: channel) ?? "")
        return [.reply(reply)]
    }

    private func setvar(_ action: AMIMessage, pbx: inout SimulatedPBX) -> [AMIResponderOutput] {
        guard let variable = action["Variable"], !variable.isEmpty else { return [.reply(error(action, "No variable specified"))] }
        var channelID: String?
        if let name = action["Channel"] {
            guard let channel = pbx.channel(named: name) else { return [.reply(error(action, "No such channel"))] }
            channelID = channel.uniqueID
        }
        let events = pbx.setVariable(channelID, variable, action["Value"] ?? "", at: now)
        return [.reply(response(action, "Success", message: "Variable Set"))] + events.map { .broadcast($0) }
    }

    private func hangup(_ action: AMIMessage, pbx: inout SimulatedPBX) -> [AMIResponderOutput] {
        guard let name = action["Channel"], let channel = pbx.channel(named: name) else {
            return [.reply(error(action, "No such channel"))]
        }
        let cause = action["Cause"].flatMap { Int($0) } ?? 16
        let events = pbx.hangup(channel.uniqueID, cause: cause, at: now)
        return [.reply(response(action, "Success", message: "Channel Hungup"))] + events.map { .broadcast($0) }
    }

    private func mixMonitor(_ action: AMIMessage, start: Bool, pbx: SimulatedPBX) -> [AMIResponderOutput] {
        guard let name = action["Channel"], let channel = pbx.channel(named: name) else {
            return [.reply(error(action, "No such channel"))]
        }
        var reply = response(action, "Success")
        if start { reply.append("MixMonitorID", "0x" + String(channel.uniqueID.hashValue & 0xFFFF_FFFF, radix: 16)) }
        return [.reply(reply), .broadcast(SimEvents.channelEvent(start ? "MixMonitorStart" : "MixMonitorStop", channel, at: now))]
    }

    // MARK: Queues

    private func queueAdd(_ action: AMIMessage, pbx: inout SimulatedPBX) -> [AMIResponderOutput] {
        guard let queue = action["Queue"], let interface = action["Interface"], !queue.isEmpty, !interface.isEmpty else {
            return [.reply(error(action, "'Queue' and 'Interface' not set."))]
        }
        var member = SimQueueMember(
            name: action["MemberName"] ?? interface, interface: interface, membership: "dynamic",
            penalty: action["Penalty"].flatMap { Int($0) } ?? 0, loginTime: Int(now))
        member.stateInterface = action["StateInterface"] ?? interface
        member.paused = ["true", "yes", "1"].contains(action["Paused"]?.lowercased() ?? "")
        member.pausedReason = member.paused ? action["Reason"] ?? "" : ""
        guard pbx.queues[queue] != nil else { return [.reply(error(action, "Unable to add interface to queue: No such queue"))] }
        guard let events = pbx.addMember(member, queue: queue, at: now) else {
            return [.reply(error(action, "Unable to add interface: Already there"))]
        }
        return [.reply(response(action, "Success", message: "Added interface to queue"))] + events.map { .broadcast($0) }
    }

    private func queueRemove(_ action: AMIMessage, pbx: inout SimulatedPBX) -> [AMIResponderOutput] {
        guard let queue = action["Queue"], let interface = action["Interface"] else {
            return [.reply(error(action, "Need 'Queue' and 'Interface' parameters."))]
        }
        guard let events = pbx.removeMember(interface: interface, queue: queue, at: now) else {
            return [.reply(error(action, "Unable to remove interface: Not there"))]
        }
        guard !events.isEmpty else { return [.reply(error(action, "Unable to remove interface: Not a dynamic member"))] }
        return [.reply(response(action, "Success", message: "Removed interface from queue"))] + events.map { .broadcast($0) }
    }

    private func queuePause(_ action: AMIMessage, pbx: inout SimulatedPBX) -> [AMIResponderOutput] {
        guard let interface = action["Interface"], let pausedText = action["Paused"] else {
            return [.reply(error(action, "Need 'Interface' and 'Paused' parameters."))]
        }
        let paused = ["true", "yes", "1"].contains(pausedText.lowercased())
        guard let events = pbx.pause(interface: interface, paused: paused, reason: action["Reason"] ?? "", queue: action["Queue"], at: now) else {
            return [.reply(error(action, "Interface not found"))]
        }
        let message = paused ? "Interface paused successfully" : "Interface unpaused successfully"
        return [.reply(response(action, "Success", message: message))] + events.map { .broadcast($0) }
    }

    // MARK: Responses

    func response(_ action: AMIMessage, _ status: String, message: String? = nil) -> AMIMessage {
        Self.response(to: action, status, message: message)
    }

    func error(_ action: AMIMessage, _ message: String) -> AMIMessage { response(action, "Error", message: message) }

    /// `Response:`, `ActionID:` (only when the action had a non-empty one), `Message:`.
    static func response(to action: AMIMessage, _ status: String, message: String? = nil) -> AMIMessage {
        var reply = AMIMessage()
        reply.append("Response", status)
        if let id = action.actionID, !id.isEmpty { reply.append("ActionID", id) }
        if let message { reply.append("Message", message) }
        return reply
    }
}
