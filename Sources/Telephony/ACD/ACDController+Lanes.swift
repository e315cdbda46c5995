import ARI
import CTICore

extension ACDController {
    /// Lanes that carry the application's events: one call's events always share a lane and are
    /// handled in order, while calls in different lanes are handled side by side, so the ARI
    /// requests one call waits on (bridging, recording, hang-ups) do not hold up the others.
    static let eventLanes = 16

    /// Handles the application's events until the stream ends, each call's events in order;
    /// `handled` sees every event once the controller is done with it (or skipped it).
    public func run(events: ARIEventSubscription, handled: @escaping @Sendable (ARIEvent) -> Void = { _ in }) async {
        await withLanes(Self.eventLanes, of: ARIEvent.self, handle: { event in
            await self.handle(event)
            handled(event)
        }) { lanes in
            for await item in events {
                switch item {
                case .event(let event):
                    guard let key = laneKey(of: event) else {
                        handled(event)
                        continue
                    }
                    lanes.send(event, key: key)
                case .resynced(let snapshot):
                    await resync(snapshot)
                default:
                    break
                }
            }
        }
    }

    /// The call (or channel) an event is about, for the events ``handle(_:)`` acts on; nil for the rest.
    func laneKey(of event: ARIEvent) -> String? {
        switch event.payload {
        case .stasisStart(let start):
            // `acd-agent,<call>,<agent>` and the other ACD legs name their call second.
            guard let first = start.args.first, first.hasPrefix("acd-") else { return nil }
            return start.args.count > 1 ? start.args[1] : start.channel.id
        case .channelDtmfReceived(let dtmf):
            guard dtmf.digit == configuration.callbackKey, let call = callByChannel[dtmf.channel.id] else { return nil }
            return call.rawValue
        case .channelDestroyed(let destroyed):
            let channel = destroyed.channel.id
            if let call = agentLegs[channel]?.call ?? callByChannel[channel] { return call.rawValue }
            let session = supervisions.first { $0.value.supervisorChannel == channel || $0.value.snoopChannel == channel }?.key
            return session ?? channel
        default:
            return nil
        }
    }
}
