import ARI
import CTICore
import Logging

extension ACDController {
    /// The ARI event types ``handle(_:)`` acts on; the others may be filtered out at Asterisk.
    public static let eventTypes: Set<String> = ["StasisStart", "ChannelDestroyed", "ChannelDtmfReceived"]

    /// Applies one event of the Stasis application. Events about channels the ACD does not
    /// own (an IVR's, say) are ignored.
    public func handle(_ event: ARIEvent) async {
        switch event.payload {
        case .stasisStart(let start):
            switch start.args.first {
            case "acd-agent": await agentAnswered(start.channel.id)
            case "acd-supervisor": await supervisorAnswered(start.channel.id)
            case "acd-callback": await customerAnswered(start.channel.id)
            default: break
            }
        case .channelDestroyed(let destroyed):
            await channelGone(destroyed.channel.id)
        case .channelDtmfReceived(let dtmf):
            await keyPressed(dtmf.digit, on: dtmf.channel.id)
        default:
            break
        }
    }

    /// After a (re)connect: channels the ACD follows that Asterisk no longer has hung up while
    /// the events socket was down, and are handled as if their `ChannelDestroyed` had arrived.
    /// Channels followed only after the snapshot was asked for are left alone: the IVR may hand
    /// over a new caller before this controller has read the snapshot, which cannot list them.
    public func resync(_ snapshot: ARISnapshot) async {
        let alive = Set(snapshot.channels.map(\.id))
        let known = followedChannels()
        followedSince = followedSince.filter { known.contains($0.key) }
        let gone = known.subtracting(alive).filter { channel in
            followedSince[channel].map { $0 < snapshot.requestedAt } ?? true
        }
        for channel in gone.sorted() { await channelGone(channel) }
    }

    /// Every channel the controller follows: callers, agent legs, supervisors and their snoops.
    func followedChannels() -> Set<String> {
        var known = Set(callByChannel.keys).union(agentLegs.keys)
        for supervision in supervisions.values {
            known.insert(supervision.supervisorChannel)
            if let snoop = supervision.snoopChannel { known.insert(snoop) }
        }
        return known
    }

    /// Notes when the controller began to follow `channels`. Stamps of channels no longer
    /// followed are dropped at each resync, or once they outnumber the followed ones.
    func follow(_ channels: String...) {
        let now = ContinuousClock.now
        for channel in channels { followedSince[channel] = now }
        if followedSince.count > 1_024, followedSince.count > 4 * (callByChannel.count + agentLegs.count + 2 * supervisions.count) {
            let known = followedChannels()
            followedSince = followedSince.filter { known.contains($0.key) }
        }
    }

    /// A waiting caller pressed ``ACDControllerConfiguration/callbackKey``: they are called back
    /// at their number and keep their place. Other keys, and keys from other channels, are ignored.
    func keyPressed(_ digit: String, on channel: String) async {
        guard digit == configuration.callbackKey, let call = callByChannel[channel], calls[call]?.info.channelID == channel,
            case .waiting? = calls[call]?.phase
        else { return }
        do {
            try await requestCallback(call)
        } catch {
            logger.info("callback key refused", metadata: ["acd.call": "\(call)", "acd.error": "\(error)"])
        }
    }

    /// An originated agent leg answered and entered Stasis.
    func agentAnswered(_ channel: String) async {
        guard let leg = agentLegs[channel] else {
            // An offer withdrawn while the phone was answering.
            if callByChannel[channel] == nil { try? await rest.hangup(channel) }
            return
        }
        do {
            try await apply(.offerAnswered(leg.call, agent: leg.agent))
        } catch {
            logger.warning("answer refused", metadata: ["acd.call": "\(leg.call)", "acd.error": "\(error)"])
            agentLegs[channel] = nil
            offers[leg.call]?[leg.agent] = nil
            try? await rest.hangup(channel)
        }
    }

    /// A channel hung up: a ringing agent leg (a miss), a waiting caller (abandon), a leg of a
    /// connected call (its end), or a supervisor.
    func channelGone(_ channel: String) async {
        if let leg = agentLegs.removeValue(forKey: channel) {
            offers[leg.call]?[leg.agent] = nil
            publish(.offerMissed(agent: leg.agent, call: leg.call))
            await process(.offerNotAnswered(leg.call, agent: leg.agent))
            return
        }
        if let session = supervisions.first(where: { $0.value.supervisorChannel == channel || $0.value.snoopChannel == channel })?.key {
            await endSupervision(session)
            return
        }
        guard let call = callByChannel[channel], let context = calls[call] else { return }
        switch context.phase {
        case .waiting:
            let wait = clock.now() - context.enqueuedAt
            forget(call)
            publish(.abandoned(call, queue: context.info.queue, wait: wait))
            await process(.callerAbandoned(call))
        case .awaitingCallback:
            break
        case .connected:
            await finish(call, by: channel == context.info.channelID ? .caller : .agent)
        }
    }

    /// Ends a connected call: the other leg hangs up, the bridge (and its recording) goes, the
    /// agent starts wrap-up.
    func finish(_ call: CallID, by party: ACDCallParty, transferredTo target: ACDTransferTarget? = nil) async {
        guard var context = calls[call], case .connected(let agent, let agentChannel, let bridgeID, let since) = context.phase else { return }
        let now = clock.now()
        if let held = context.holdSince { context.holdSeconds += now - held }
        forget(call)
        for (session, supervision) in supervisions where supervision.call == call { await endSupervision(session) }
        if target != nil {
            try? await rest.removeChannels(bridgeID, [context.info.channelID])
        } else if party != .caller {
            try? await rest.hangup(context.info.channelID)
        }
        if party != .agent || target != nil { try? await rest.hangup(agentChannel) }
        try? await rest.destroyBridge(bridgeID)
        if let target { publish(.transferred(call, from: agent, to: target)) }
        publish(.ended(call, agent: agent, by: party, talkSeconds: max(0, now - since - context.holdSeconds)))
        if context.callbackDialled {
            publish(.callbackFinished(call, queue: context.info.queue, customerAnswered: !context.diallingCustomer))
        }
        do {
            try await apply(.callEnded(call, hold: context.holdSeconds, transferred: target != nil))
        } catch {
            logger.warning("call end refused", metadata: ["acd.call": "\(call)", "acd.error": "\(error)"])
        }
        publishState(of: agent)
    }
}
