import ARI
import CTICore
import Logging

/// Operations on a connected call: blind transfer, hold, supervision.
extension ACDController {
    /// Blind-transfers a connected call: the agent leg hangs up (the agent goes to wrap-up) and
    /// the caller goes back into a queue, to one agent, or out to the dialplan.
    ///
    /// To one agent: their phone is offered the call at once, whatever the queue's strategy; when
    /// they cannot take it now (logged out, paused, busy) the transfer fails with
    /// ``ACDControllerError/Code/agentUnavailable`` saying why, and the call stays as it was.
    public func transfer(_ call: CallID, to target: ACDTransferTarget) async throws(ACDControllerError) {
        let context = try connectedContext(call)
        var next = context
        next.transfers += 1
        next.info.id = CallID("\(context.info.channelID)~t\(next.transfers)")
        next.phase = .waiting
        next.holdSince = nil
        next.holdSeconds = 0
        next.announcements = nil
        next.diallingCustomer = false
        next.enqueuedAt = clock.now()
        var direct: AgentID?
        switch target {
        case .queue(let queue):
            guard engine.snapshot(of: queue) != nil else { throw ACDControllerError(.engine, "unknownQueue: no queue \(queue)") }
            next.info.queue = queue
        case .agent(let agent):
            guard let config = configuration.engine.agents.first(where: { $0.id == agent }) else {
                throw ACDControllerError(.unknownAgent, "no agent \(agent)")
            }
            // The call's own queue when the agent serves it, else one where they can take it now.
            let queues = config.memberships.map(\.queue)
            guard !queues.isEmpty else { throw ACDControllerError(.invalidState, "agent \(agent) is in no queue") }
            let own = queues.first { $0 == context.info.queue }
            let engine = engine
            let usable = { (queue: QueueID) in engine.directOfferRefusal(of: agent, in: queue) == nil }
            let queue = own.flatMap { usable($0) ? $0 : nil } ?? queues.first(where: usable) ?? own ?? queues[0]
            if let reason = engine.directOfferRefusal(of: agent, in: queue) {
                throw ACDControllerError(.agentUnavailable, "cannot transfer \(call): \(reason)")
            }
            next.info.queue = queue
            direct = agent
        case .number(let number):
            guard !number.isEmpty else { throw ACDControllerError(.invalidState, "empty transfer number") }
        }
        await finish(call, by: .agent, transferredTo: target)
        if case .number(let number) = target {
            do {
                try await rest.continueInDialplan(context.info.channelID, context: configuration.transferContext, extension: number, priority: 1)
            } catch {
                throw ACDControllerError.asterisk(error, "sending \(context.info.channelID) to \(number)")
            }
            return
        }
        _ = try await admit(next, preferred: [], direct: direct)
    }

    /// Puts the caller of a connected call on hold (music on hold to the caller).
    public func hold(_ call: CallID) async throws(ACDControllerError) {
        let context = try connectedContext(call)
        guard context.holdSince == nil else { throw ACDControllerError(.invalidState, "call \(call) is already on hold") }
        calls[call]?.holdSince = clock.now()
        do {
            try await rest.hold(context.info.channelID)
            try await rest.startMOH(context.info.channelID, mohClass: configuration.mohClass)
        } catch {
            calls[call]?.holdSince = nil
            throw ACDControllerError.asterisk(error, "holding \(context.info.channelID)")
        }
        publish(.held(call))
    }

    /// Takes the caller off hold.
    public func unhold(_ call: CallID) async throws(ACDControllerError) {
        let context = try connectedContext(call)
        guard let since = context.holdSince else { throw ACDControllerError(.invalidState, "call \(call) is not on hold") }
        calls[call]?.holdSince = nil
        calls[call]?.holdSeconds += clock.now() - since
        do {
            try await rest.stopMOH(context.info.channelID)
            try await rest.unhold(context.info.channelID)
        } catch {
            throw ACDControllerError.asterisk(error, "unholding \(context.info.channelID)")
        }
        publish(.resumed(call))
    }

    /// Calls a supervisor at `endpoint` into a connected call: listen and whisper through an
    /// ARI snoop on the agent's leg, barge by joining the call's bridge. Returns the session id.
    public func supervise(_ call: CallID, supervisor endpoint: String, mode: ACDSupervisionMode) async throws(ACDControllerError) -> String {
        let context = try connectedContext(call)
        guard let agentChannel = context.agentChannel else { throw ACDControllerError(.invalidState, "call \(call) has no agent leg") }
        let session = nextID("acd-sup")
        var supervision = ACDSupervision(call: call, mode: mode, supervisorChannel: "\(session)-leg")
        do {
            if mode != .barge {
                let snoop = try await rest.snoop(
                    agentChannel, application: configuration.application, spy: "both", whisper: mode == .whisper ? "out" : "none",
                    appArgs: ["acd-snoop", session], snoopID: "\(session)-snoop")
                supervision.snoopChannel = snoop.id
            }
            supervisions[session] = supervision
            follow(supervision.supervisorChannel)
            if let snoop = supervision.snoopChannel { follow(snoop) }
            _ = try await rest.originate(ARIOriginate(
                endpoint: endpoint, target: .application(configuration.application, args: ["acd-supervisor", session]),
                channelID: supervision.supervisorChannel))
        } catch {
            supervisions[session] = nil
            if let snoop = supervision.snoopChannel { try? await rest.hangup(snoop) }
            throw ACDControllerError.asterisk(error, "supervising \(call)")
        }
        return session
    }

    /// Ends a supervision session: its legs hang up and its bridge goes.
    public func endSupervision(_ session: String) async {
        guard let supervision = supervisions.removeValue(forKey: session) else { return }
        try? await rest.hangup(supervision.supervisorChannel)
        if let snoop = supervision.snoopChannel { try? await rest.hangup(snoop) }
        if let bridge = supervision.bridgeID { try? await rest.destroyBridge(bridge) }
        publish(.supervisionEnded(session: session))
    }

    /// The supervisor answered: into the call's bridge (barge) or a bridge with the snoop.
    func supervisorAnswered(_ channel: String) async {
        guard let entry = supervisions.first(where: { $0.value.supervisorChannel == channel }) else {
            try? await rest.hangup(channel)
            return
        }
        let (session, supervision) = (entry.key, entry.value)
        do {
            if let snoop = supervision.snoopChannel {
                let bridge = "\(session)-bridge"
                _ = try await rest.createBridge(types: [.mixing], bridgeID: bridge, name: session)
                supervisions[session]?.bridgeID = bridge
                try await rest.addChannels(bridge, [snoop, channel])
            } else {
                guard let bridge = bridgeID(of: supervision.call) else { throw ARIError(.notFound, "call \(supervision.call) has ended") }
                try await rest.addChannels(bridge, [channel])
            }
            publish(.supervising(supervision.call, session: session, mode: supervision.mode))
        } catch {
            logger.warning("supervision failed", metadata: ["acd.session": "\(session)", "acd.error": "\(error)"])
            await endSupervision(session)
        }
    }

    func connectedContext(_ call: CallID) throws(ACDControllerError) -> ACDCallContext {
        guard let context = calls[call] else { throw ACDControllerError(.unknownCall, "no call \(call)") }
        guard case .connected = context.phase else { throw ACDControllerError(.invalidState, "call \(call) is not connected to an agent") }
        return context
    }
}
