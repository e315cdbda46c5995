import ARI
import CTICore
import Logging

extension ACDController {
    /// Carries out the engine's decisions in order.
    func perform(_ decisions: [ACDDecision]) async {
        for decision in decisions {
            switch decision {
            case .queued(let call, _, let position):
                if let info = calls[call]?.info { publish(.queued(info, position: position)) }
            case .joinRefused(let call, let queue, let reason):
                publish(.joinRefused(call, queue: queue, reason: reason))
                if let context = calls[call] {
                    // Refused by an overflow target: the caller cannot wait anywhere.
                    forget(call)
                    try? await rest.hangup(context.info.channelID, reason: "congestion")
                }
            case .offer(let offer):
                for agent in offer.agents { await ring(agent, for: offer.call, until: offer.until) }
            case .cancelOffers(let call, let agents):
                for agent in agents {
                    await stopRinging(agent, for: call)
                    publishState(of: agent)
                }
            case .connect(let call, let agent, _):
                await connect(call, agent: agent)
            case .dialCallback(let call, let agent, let number):
                await dialCallback(call, agent: agent, number: number)
            case .startWrapUp(let agent, let queue, let until):
                publish(.wrapUp(agent: agent, queue: queue, until: until))
                publishState(of: agent)
            case .wrapUpEnded(let agent):
                publishState(of: agent)
            case .autoPause(let agent, let queues, let reason):
                publish(.autoPaused(agent, queues: queues, reason: reason))
                publishState(of: agent)
            case .overflow(let call, let from, let to):
                await move(call, to: to)
                publish(.overflowed(call, from: from, to: to))
            case .convertToCallback(let call, let queue):
                await releaseForCallback(call, queue: queue)
            case .voicemail(let call, let queue):
                let context = configuration.voicemailContext
                await release(call, queue: queue, reason: "voicemail") { rest, channel in
                    try await rest.continueInDialplan(channel, context: context, extension: queue.rawValue, priority: 1)
                }
            case .leaveEmpty(let call, let queue):
                await release(call, queue: queue, reason: "empty") { rest, channel in try await rest.hangup(channel) }
            case .scheduleTimer(let instant):
                scheduleTimer(at: instant)
            }
        }
    }

    /// Originates the agent's leg for a call.
    func ring(_ agent: AgentID, for call: CallID, until: ACDInstant) async {
        guard let context = calls[call], let endpoint = configuration.agentEndpoints[agent] else {
            await process(.offerNotAnswered(call, agent: agent))
            return
        }
        let leg = nextID("acd-agent")
        agentLegs[leg] = ACDAgentLeg(call: call, agent: agent)
        follow(leg)
        offers[call, default: [:]][agent] = leg
        let now = clock.now()
        publish(.offered(agent: agent, call: context.info, wait: now - context.enqueuedAt))
        publishState(of: agent)
        let info = context.info
        var callerID: String?
        if let number = info.callerNumber { callerID = "\"\(info.callerName ?? "")\" <\(number)>" }
        let originate = ARIOriginate(
            endpoint: endpoint, target: .application(configuration.application, args: ["acd-agent", call.rawValue, agent.rawValue]),
            channelID: leg, callerID: callerID, timeoutSeconds: Int((until - now).rounded(.up)) + configuration.originateSlack,
            variables: ["ACD_CALL": call.rawValue, "ACD_QUEUE": info.queue.rawValue])
        do {
            _ = try await rest.originate(originate)
        } catch {
            logger.warning("agent leg failed", metadata: ["acd.agent": "\(agent)", "acd.error": "\(error)"])
            guard agentLegs.removeValue(forKey: leg) != nil else { return }
            offers[call]?[agent] = nil
            // A cancelled task (shutting down) would re-offer at once, forever: the ring timeout
            // reports the miss instead.
            if Task.isCancelled { return }
            publish(.offerMissed(agent: agent, call: call))
            await process(.offerNotAnswered(call, agent: agent))
        }
    }

    /// Hangs up an agent leg that is no longer wanted.
    func stopRinging(_ agent: AgentID, for call: CallID) async {
        guard let leg = offers[call]?.removeValue(forKey: agent) else { return }
        if offers[call]?.isEmpty == true { offers[call] = nil }
        agentLegs[leg] = nil
        do {
            try await rest.hangup(leg, reason: "normal")
        } catch where error.code == .notFound {
        } catch {
            logger.warning("could not hang up agent leg", metadata: ["acd.leg": "\(leg)", "acd.error": "\(error)"])
        }
    }

    /// Caller and agent into a recorded mixing bridge.
    func connect(_ call: CallID, agent: AgentID) async {
        guard var context = calls[call], let leg = offers[call]?.removeValue(forKey: agent) else { return }
        if offers[call]?.isEmpty == true { offers[call] = nil }
        agentLegs[leg] = nil
        context.announcements?.cancel()
        context.announcements = nil
        let bridgeID = "acd-call-\(nextID(call.rawValue))"
        context.phase = .connected(agent: agent, agentChannel: leg, bridgeID: bridgeID, since: clock.now())
        let hold = context.holdRequest
        context.holdingBridge = nil
        context.holdRequest = nil
        calls[call] = context
        callByChannel[leg] = call
        let caller = context.info.channelID
        do {
            _ = try await rest.createBridge(types: [.mixing], bridgeID: bridgeID, name: "acd-\(call.rawValue)")
            // Asterisk takes a channel out of its Stasis bridge when it is added to another
            // (`control_add_channel_to_bridge` departs it first), so no removeChannel is needed;
            // the hold request must have landed first, though, or it would move the caller back.
            _ = await hold?.value
            try await rest.addChannels(bridgeID, [caller, leg])
        } catch {
            logger.warning("could not bridge call", metadata: ["acd.call": "\(call)", "acd.error": "\(error)"])
            await finish(call, by: .system)
            return
        }
        await announceConnected(call, agent: agent, bridgeID: bridgeID, queue: context.info.queue)
    }

    /// Records the call's bridge when the queue's policy says so, then publishes that the call is connected.
    func announceConnected(_ call: CallID, agent: AgentID, bridgeID: String, queue: QueueID) async {
        var recording: String?
        if configuration.recordingPolicy.shouldRecord(callID: call.rawValue, queue: queue.rawValue) {
            do {
                let name = "acd-\(bridgeID)"
                recording = try await rest.recordBridge(bridgeID, ARIRecordRequest(name: name, format: configuration.recordingFormat, ifExists: "overwrite")).name
            } catch {
                logger.warning("could not record call", metadata: ["acd.call": "\(call)", "acd.error": "\(error)"])
            }
        }
        publish(.connected(call, agent: agent, bridgeID: bridgeID, recording: recording))
        publishState(of: agent)
    }

    /// Moves a waiting caller to another queue's holding bridge.
    func move(_ call: CallID, to queue: QueueID) async {
        guard var context = calls[call] else { return }
        context.info.queue = queue
        calls[call] = context
        if case .awaitingCallback = context.phase { return }
        guard let bridge = try? await holdingBridge(for: queue) else { return }
        calls[call]?.holdingBridge = bridge
        _ = await context.holdRequest?.value
        try? await rest.addChannels(bridge, [context.info.channelID])
    }

    /// The caller leaves the ACD without an agent.
    func release(
        _ call: CallID, queue: QueueID, reason: String, _ action: @Sendable (ARIRESTClient, String) async throws -> Void
    ) async {
        guard let context = calls[call] else { return }
        forget(call)
        publish(.leftQueue(call, queue: queue, reason: reason))
        // A callback has no caller channel left to release.
        if case .awaitingCallback = context.phase { return }
        do {
            try await action(rest, context.info.channelID)
        } catch {
            logger.warning("could not release caller", metadata: ["acd.call": "\(call)", "acd.error": "\(error)"])
        }
    }
}
