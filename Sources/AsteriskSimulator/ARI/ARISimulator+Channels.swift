import Synchronization
import ARI
import Foundation

extension ARISimulator {
    func listChannels() -> ARISimReply {
        .json(world.withLock { $0.channels.values.map(\.channel).sorted { $0.id < $1.id } })
    }

    func getChannel(_ id: String) -> ARISimReply {
        world.withLock { world in
            guard let entry = world.channels[id] else { return .channelNotFound }
            return .json(entry.channel)
        }
    }

    /// `POST /channels`: a Local or SIP channel that starts `Down`, answers after ``ARISimulatorConfiguration/answerDelay``
    /// and, with `app=`, then enters Stasis. An unknown technology is a 500 `{"error":"Allocation failed"}`.
    func originate(_ request: ARISimRequest) -> ARISimReply {
        guard let endpoint = request.first("endpoint"), !endpoint.isEmpty else { return .error(400, "Endpoint must be specified") }
        let app = request.first("app")
        let context = request.first("context")
        guard app != nil || context != nil || request.first("extension") != nil else {
            return .error(400, "Application or extension must be specified")
        }
        let technology = String(endpoint.split(separator: "/").first ?? "")
        guard ARISimWorld.knownTechnologies.contains(technology), endpoint.contains("/") else {
            return .json(ARIErrorBody(error: "Allocation failed"), status: 500)
        }
        let variables = (try? JSONDecoder().decode([String: [String: String]].self, from: Data(request.body)))?["variables"] ?? [:]
        let args = request.first("appArgs").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
        let caller = parseCallerID(request.first("callerId"))
        let channel = world.withLock { world -> ARIChannel in
            if let id = request.first("channelId"), world.channels[id] != nil { return world.channels[id]!.channel }
            let sequence = world.nextSequence()
            let resource = String(endpoint.dropFirst(technology.count + 1))
            var name: String
            var dialplan: ARIDialplan
            if technology == "Local" {
                let target = resource.split(separator: "/").first.map(String.init) ?? resource
                let parts = target.split(separator: "@").map(String.init)
                name = "Local/\(target)-\(String(format: "%08x", sequence));1"
                dialplan = ARIDialplan(context: parts.count > 1 ? parts[1] : "default", exten: parts[0], priority: 1, appName: "AppDial2", appData: "(Outgoing Line)")
            } else {
                name = "\(endpoint)-\(String(format: "%08x", sequence))"
                dialplan = ARIDialplan(context: "default", exten: "s", priority: 1, appName: "AppDial2", appData: "(Outgoing Line)")
            }
            let channel = world.makeChannel(id: request.first("channelId"), name: name, state: .down, caller: caller, dialplan: dialplan)
            var entry = ARISimChannel(channel: channel, application: app, variables: variables)
            if technology == "Local" {
                var other = world.makeChannel(
                    id: request.first("otherChannelId"), name: String(name.dropLast()) + "2", state: .up, caller: caller,
                    dialplan: ARIDialplan(context: dialplan.context, exten: dialplan.exten, priority: 1, appName: "Answer", appData: ""),
                    linkedID: channel.id)
                other.connected = caller
                entry.localPeer = other.id
                world.channels[other.id] = ARISimChannel(channel: other, localPeer: channel.id)
            }
            world.channels[channel.id] = entry
            return channel
        }
        let id = channel.id
        let behaviour = endpointBehaviour(endpoint)
        guard case .answer(let delay) = behaviour else {
            scheduleUnanswered(id, endpoint: endpoint, application: app, busy: behaviour == .busy)
            return .json(channel)
        }
        schedule(after: delay) {
            self.world.withLock { world in
                guard let entry = world.channels[id] else { return }
                if let app {
                    world.emit(.dial(ARIDial(peer: entry.channel, forward: "", dialstring: endpoint, dialstatus: "")), to: app)
                    world.setState(id, .up)
                    if let up = world.channels[id]?.channel {
                        world.emit(.dial(ARIDial(peer: up, forward: "", dialstring: endpoint, dialstatus: "ANSWER")), to: app)
                    }
                    world.enterStasis(id, application: app, args: args)
                } else {
                    world.setState(id, .up)
                    if let context { world.channels[id]?.channel.dialplan = ARIDialplan(context: context, exten: request.first("extension") ?? "s", priority: 1) }
                }
            }
        }
        return .json(channel)
    }

    /// `POST /channels/create`: a `Down` channel already in Stasis; `dial` rings and answers it.
    func createChannel(_ request: ARISimRequest) -> ARISimReply {
        guard let endpoint = request.first("endpoint"), let app = request.first("app") else {
            return .error(400, "Endpoint and app must be specified")
        }
        let technology = String(endpoint.split(separator: "/").first ?? "")
        guard ARISimWorld.knownTechnologies.contains(technology) else { return .json(ARIErrorBody(error: "Allocation failed"), status: 500) }
        let args = request.first("appArgs").map { $0.split(separator: ",").map(String.init) } ?? []
        return world.withLock { world in
            let sequence = world.nextSequence()
            let channel = world.makeChannel(
                id: request.first("channelId"), name: "\(endpoint)-\(String(format: "%08x", sequence))", state: .down,
                caller: ARICallerID(), dialplan: ARIDialplan(context: "default", exten: "s", priority: 1))
            world.channels[channel.id] = ARISimChannel(channel: channel, application: app)
            world.enterStasis(channel.id, application: app, args: args)
            return .json(world.channels[channel.id]?.channel ?? channel)
        }
    }

    func hangupRequest(_ id: String, _ request: ARISimRequest) -> ARISimReply {
        world.withLock { world in
            guard world.channels[id] != nil else { return .channelNotFound }
            let cause = switch request.first("reason") {
            case "busy": 17
            case "congestion": 34
            case "no_answer": 19
            default: 16
            }
            world.destroyChannel(id, cause: cause)
            return .noContent
        }
    }

    func channelAction(_ method: String, _ id: String, _ action: String, _ extra: String?, _ request: ARISimRequest) -> ARISimReply {
        switch (method, action, extra) {
        case ("POST", "answer", nil):
            return world.withLock { world in
                if let failure = world.check(id) { return failure }
                world.setState(id, .up)
                return .noContent
            }
        case ("POST", "ring", nil), ("DELETE", "ring", nil), ("POST", "moh", nil), ("DELETE", "moh", nil), ("POST", "silence", nil), ("DELETE", "silence", nil):
            return world.withLock { $0.check(id) ?? .noContent }
        case ("POST", "hold", nil), ("DELETE", "hold", nil):
            return world.withLock { world in
                if let failure = world.check(id) { return failure }
                world.channels[id]?.onHold = method == "POST"
                if let entry = world.channels[id] {
                    world.emit(method == "POST" ? .channelHold(ARIChannelHold(channel: entry.channel)) : .channelUnhold(ARIChannelOnly(channel: entry.channel)), to: entry.application)
                }
                return .noContent
            }
        case ("POST", "dial", nil):
            return world.withLock { world in
                if let failure = world.check(id) { return failure }
                guard world.channels[id]?.channel.state == .down else { return .error(409, "Channel is not in the 'Down' state") }
                world.setState(id, .ringing)
                self.schedule(after: self.configuration.answerDelay) {
                    self.world.withLock { $0.setState(id, .up) }
                }
                return .noContent
            }
        case ("POST", "continue", nil):
            return world.withLock { world in
                if let failure = world.check(id) { return failure }
                world.leaveStasis(id)
                if var entry = world.channels[id] {
                    entry.channel.dialplan = ARIDialplan(
                        context: request.first("context") ?? entry.channel.dialplan.context,
                        exten: request.first("extension") ?? entry.channel.dialplan.exten,
                        priority: request.first("priority").flatMap(Int.init) ?? entry.channel.dialplan.priority + 1)
                    world.channels[id] = entry
                }
                return .noContent
            }
        case ("POST", "dtmf", nil):
            guard let digits = request.first("dtmf"), !digits.isEmpty else { return .error(400, "DTMF is required") }
            return world.withLock { $0.check(id) ?? .noContent }
        case ("GET", "variable", nil):
            guard let name = request.first("variable") else { return .error(400, "Variable name is required") }
            return world.withLock { world in
                guard let entry = world.channels[id] else { return .channelNotFound }
                if name == "CHANNEL(linkedid)" { return .json(ARIVariable(value: entry.channel.linkedID ?? id)) }
                if name == "CHANNEL(uniqueid)" || name == "UNIQUEID" { return .json(ARIVariable(value: id)) }
                guard let value = entry.variables[name] else { return .error(404, "Provided variable was not found") }
                return .json(ARIVariable(value: value))
            }
        case ("POST", "variable", nil):
            guard let name = request.first("variable") else { return .error(400, "Variable name is required") }
            return world.withLock { world in
                guard let entry = world.channels[id] else { return .channelNotFound }
                let value = request.first("value") ?? ""
                world.channels[id]?.variables[name] = value
                world.emit(.channelVarset(ARIChannelVarset(variable: name, value: value, channel: entry.channel)), to: entry.application)
                return .noContent
            }
        case ("POST", "snoop", _):
            return snoop(id, snoopID: extra, request)
        case ("POST", "play", _):
            return playOnChannel(id, playbackID: extra, request)
        case ("POST", "record", nil):
            return recordChannel(id, request)
        default:
            return .error(404, "Resource not found")
        }
    }

    private func snoop(_ id: String, snoopID: String?, _ request: ARISimRequest) -> ARISimReply {
        guard let app = request.first("app") else { return .error(400, "Application name is required") }
        let spy = request.first("spy") ?? "none"
        let whisper = request.first("whisper") ?? "none"
        guard spy != "none" || whisper != "none" else { return .error(400, "Snoop direction is required") }
        let args = request.first("appArgs").map { $0.split(separator: ",").map(String.init) } ?? []
        return world.withLock { world in
            guard let target = world.channels[id] else { return .channelNotFound }
            let sequence = world.nextSequence()
            let channel = world.makeChannel(
                id: snoopID, name: "Snoop/\(id)-\(String(format: "%08x", sequence))", state: .up, caller: ARICallerID(),
                dialplan: ARIDialplan(context: "default", exten: "s", priority: 1), linkedID: target.channel.linkedID)
            world.channels[channel.id] = ARISimChannel(channel: channel, application: app)
            world.enterStasis(channel.id, application: app, args: args)
            return .json(world.channels[channel.id]?.channel ?? channel)
        }
    }
}
