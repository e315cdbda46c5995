import AMI
import CTICore

/// What the connection does after answering one action.
enum AMIAfterReply: Sendable, Equatable {
    /// Keep reading actions.
    case keepOpen
    /// Close once the replies are written (Logoff).
    case close
    /// Wait the failed-login delay, then write the replies and close.
    case refuseLogin
}

/// The replies to one action, for this connection only. Async events go through the PBX outbox.
struct AMIActionOutcome: Sendable {
    var replies: [AMIMessage]
    var after: AMIAfterReply = .keepOpen

    init(_ replies: [AMIMessage], after: AMIAfterReply = .keepOpen) {
        self.replies = replies
        self.after = after
    }
}

/// Answers AMI actions the way Asterisk 22 does, against a ``SimulatedPBX``. Pure: no I/O.
struct AMIActionResponder {
    let accounts: [String: AMISimulatorUser]
    let now: WallTime

    /// The action's write permission: any one of these classes is enough (manager.c:7112).
    static let requiredPermission: [String: AMIPermission] = [
        "originate": .originate, "hangup": [.system, .call], "setvar": .call, "getvar": [.call, .reporting],
        "status": [.system, .call, .reporting], "coreshowchannels": [.system, .reporting], "command": .command,
        "queueadd": .agent, "queueremove": .agent, "queuepause": .agent, "mixmonitor": .system,
        "stopmixmonitor": [.system, .call],
    ]

    /// Every action the simulator knows, with the synopsis `ListCommands` shows.
    static let synopses: [(String, String)] = [
        ("Challenge", "Generate Challenge for MD5 Auth."), ("Command", "Execute Asterisk CLI Command."),
        ("CoreShowChannels", "List currently active channels."), ("Events", "Control Event Flow."),
        ("Getvar", "Gets a channel variable or function value."), ("Hangup", "Hangup channel."),
        ("ListCommands", "List available manager commands."), ("Login", "Login Manager."), ("Logoff", "Logoff Manager."),
        ("MixMonitor", "Record a call and mix the audio during the recording."),
        ("Originate", "Originate a call."), ("Ping", "Keepalive command."), ("QueueAdd", "Add interface to queue."),
        ("QueuePause", "Makes a queue member temporarily unavailable."), ("QueueRemove", "Remove interface from queue."),
        ("QueueStatus", "Show queue status."), ("QueueSummary", "Show queue summary."), ("Setvar", "Sets a channel variable or function value."),
        ("Status", "List channel status."), ("StopMixMonitor", "Stop recording a call through MixMonitor, and free the recording's file handle."),
    ]

    static let knownActions = Set(synopses.map { $0.0.lowercased() })

    func respond(to action: AMIMessage, session: inout AMISimulatorSession, pbx: inout SimulatedPBX, random: inout SeededGenerator) -> AMIActionOutcome {
        guard let name = action.nonEmptyHeader("Action") else {
            return AMIActionOutcome([AMIResponses.error(action, "Missing action in request")])
        }
        let key = name.lowercased()
        switch key {
        case "login": return login(action, session: &session, pbx: pbx)
        case "challenge": return challenge(action, session: &session, random: &random)
        case "logoff": return AMIActionOutcome([AMIResponses.response(to: action, "Goodbye", message: "Thanks for all the fish.")], after: .close)
        default: break
        }
        guard session.isAuthenticated else { return AMIActionOutcome([AMIResponses.error(action, "Permission denied")]) }
        guard Self.knownActions.contains(key) else {
            return AMIActionOutcome([AMIResponses.error(action, "Invalid/unknown command: \(name). Use Action: ListCommands to show available commands.")])
        }
        if let required = Self.requiredPermission[key], session.write.isDisjoint(with: required) {
            return AMIActionOutcome([AMIResponses.error(action, "Permission denied")])
        }
        pbx.setTime(now)
        switch key {
        case "ping": return AMIActionOutcome([ping(action)])
        case "events": return AMIActionOutcome([events(action, session: &session)])
        case "listcommands": return AMIActionOutcome([listCommands(action, session: session)])
        case "queueadd", "queueremove", "queuepause": return AMIActionOutcome([queueAction(key, action, pbx: &pbx)])
        case "originate": return AMIActionOutcome(originate(action, session: session, pbx: &pbx))
        default: return AMIActionOutcome(callAction(key, action, pbx: &pbx))
        }
    }

    // MARK: Session

    private func login(_ action: AMIMessage, session: inout AMISimulatorSession, pbx: SimulatedPBX) -> AMIActionOutcome {
        if session.isAuthenticated { return AMIActionOutcome([AMIResponses.success(action, "Already authenticated")]) }
        let username = action.header("Username") ?? ""
        guard let user = accounts[username], credentialsMatch(action, user: user, challenge: session.challenge) else {
            return AMIActionOutcome([AMIResponses.error(action, "Authentication failed")], after: .refuseLogin)
        }
        session.username = username
        session.read = user.read
        session.write = user.write
        session.eventMask = action.header("Events").map(AMIPermission.init(parsing:)) ?? .all
        var replies = [AMIResponses.success(action, "Authentication accepted")]
        if session.read.intersection(session.eventMask).contains(.system) {
            var booted = AMIMessage()
            booted.append("Event", "FullyBooted")
            booted.append("Privilege", "system,all")
            booted.append("Uptime", String((now - pbx.bootTime).wholeSeconds))
            booted.append("LastReload", String((now - pbx.lastReload).wholeSeconds))
            booted.append("Status", "Fully Booted")
            replies.append(booted)
        }
        return AMIActionOutcome(replies)
    }

    private func credentialsMatch(_ action: AMIMessage, user: AMISimulatorUser, challenge: String?) -> Bool {
        if action.header("AuthType")?.lowercased() == "md5" {
            guard let challenge, let key = action.header("Key") else { return false }
            return key.lowercased() == AMICredentials.md5Key(challenge: challenge, secret: user.secret)
        }
        return action.header("Secret") == user.secret
    }

    private func challenge(_ action: AMIMessage, session: inout AMISimulatorSession, random: inout SeededGenerator) -> AMIActionOutcome {
        guard action.header("AuthType")?.lowercased() == "md5" else {
            return AMIActionOutcome([AMIResponses.error(action, "Must specify AuthType")])
        }
        let challenge = session.challenge ?? String(random.next() % 2_000_000_000 + 1)
        session.challenge = challenge
        var reply = AMIResponses.success(action)
        reply.append("Challenge", challenge)
        return AMIActionOutcome([reply])
    }

    private func ping(_ action: AMIMessage) -> AMIMessage {
        var reply = AMIResponses.success(action)
        reply.append("Ping", "Pong")
        reply.append("Timestamp", now.timestamp)
        return reply
    }

    private func events(_ action: AMIMessage, session: inout AMISimulatorSession) -> AMIMessage {
        session.eventMask = AMIPermission(parsing: action.header("EventMask") ?? "")
        var reply = AMIResponses.success(action)
        reply.append("Events", session.eventMask.isEmpty ? "Off" : "On")
        return reply
    }

    private func listCommands(_ action: AMIMessage, session: AMISimulatorSession) -> AMIMessage {
        var reply = AMIResponses.success(action)
        for (name, synopsis) in Self.synopses {
            let required = Self.requiredPermission[name.lowercased()] ?? []
            guard required.isEmpty || !session.write.isDisjoint(with: required) else { continue }
            let privilege = AMIPermission.names.filter { required.contains($0.1) }.map(\.0).joined(separator: ",")
            reply.append(name, "\(synopsis)  (Priv: \(privilege.isEmpty ? "<none>" : privilege + ",all"))")
        }
        return reply
    }
}
