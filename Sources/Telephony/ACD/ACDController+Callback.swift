import ARI
import CTICore
import Logging

/// Callback in queue: the caller hangs up and keeps their place; when their turn comes the agent
/// answers first, waits in the call's bridge, and then the customer is dialled into it.
extension ACDController {
    /// The waiting caller asks to be called back at `number` (nil: their caller number): their
    /// channel is hung up, the call keeps its place, and no abandon is counted.
    public func requestCallback(_ call: CallID, number: String? = nil) async throws(ACDControllerError) {
        guard let context = calls[call] else { throw ACDControllerError(.unknownCall, "no call \(call)") }
        guard case .waiting = context.phase else { throw ACDControllerError(.invalidState, "call \(call) is not waiting") }
        if let number, number.isEmpty { throw ACDControllerError(.invalidState, "empty callback number") }
        guard number != nil || context.info.callerNumber?.isEmpty == false else {
            throw ACDControllerError(.invalidState, "call \(call) has no caller number to call back")
        }
        try await apply(.callbackRequested(call, number: number))
        await releaseForCallback(call, queue: context.info.queue)
    }

    /// Hangs up a waiting caller whose call became a callback, keeping the call.
    func releaseForCallback(_ call: CallID, queue: QueueID) async {
        guard var context = calls[call], case .waiting = context.phase else { return }
        context.announcements?.cancel()
        context.announcements = nil
        context.phase = .awaitingCallback
        context.holdingBridge = nil
        calls[call] = context
        let caller = context.info.channelID
        if callByChannel[caller] == call { callByChannel[caller] = nil }
        publish(.leftQueue(call, queue: queue, reason: "callback"))
        do {
            try await rest.hangup(caller)
        } catch where error.code == .notFound {
        } catch {
            logger.warning("could not release caller for callback", metadata: ["acd.call": "\(call)", "acd.error": "\(error)"])
        }
    }

    /// The agent answered a callback offer: into a new mixing bridge, then the customer is dialled.
    func dialCallback(_ call: CallID, agent: AgentID, number: String?) async {
        guard var context = calls[call], let leg = offers[call]?.removeValue(forKey: agent) else { return }
        if offers[call]?.isEmpty == true { offers[call] = nil }
        agentLegs[leg] = nil
        let bridgeID = "acd-call-\(nextID(call.rawValue))"
        let customer = nextID("acd-callback")
        context.phase = .connected(agent: agent, agentChannel: leg, bridgeID: bridgeID, since: clock.now())
        context.info.channelID = customer
        context.diallingCustomer = true
        context.callbackDialled = true
        calls[call] = context
        callByChannel[leg] = call
        callByChannel[customer] = call
        follow(leg, customer)
        do {
            _ = try await rest.createBridge(types: [.mixing], bridgeID: bridgeID, name: "acd-\(call.rawValue)")
            try await rest.addChannels(bridgeID, [leg])
        } catch {
            logger.warning("could not bridge callback agent", metadata: ["acd.call": "\(call)", "acd.error": "\(error)"])
            await finish(call, by: .system)
            return
        }
        guard let number, !number.isEmpty else {
            logger.warning("callback without a number", metadata: ["acd.call": "\(call)"])
            await finish(call, by: .system)
            return
        }
        let endpoint = configuration.callbackEndpoint.replacing("{number}", with: number)
        let originate = ARIOriginate(
            endpoint: endpoint, target: .application(configuration.application, args: ["acd-callback", call.rawValue]),
            channelID: customer, timeoutSeconds: configuration.callbackRingSeconds,
            variables: ["ACD_CALL": call.rawValue, "ACD_QUEUE": context.info.queue.rawValue])
        do {
            _ = try await rest.originate(originate)
        } catch {
            logger.warning("could not dial callback", metadata: ["acd.call": "\(call)", "acd.error": "\(error)"])
            await finish(call, by: .system)
        }
    }

    /// The customer answered a callback: into the bridge with the waiting agent, recorded.
    func customerAnswered(_ channel: String) async {
        guard let call = callByChannel[channel], var context = calls[call], context.diallingCustomer, context.info.channelID == channel,
            case .connected(let agent, _, let bridgeID, _) = context.phase
        else {
            try? await rest.hangup(channel)
            return
        }
        context.diallingCustomer = false
        calls[call] = context
        do {
            try await rest.addChannels(bridgeID, [channel])
        } catch {
            logger.warning("could not bridge callback customer", metadata: ["acd.call": "\(call)", "acd.error": "\(error)"])
            await finish(call, by: .system)
            return
        }
        await announceConnected(call, agent: agent, bridgeID: bridgeID, queue: context.info.queue)
    }
}
