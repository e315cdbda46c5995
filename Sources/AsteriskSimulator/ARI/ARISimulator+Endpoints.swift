import ARI
import Synchronization

/// How a phone reached by `POST /channels` behaves.
public enum ARISimEndpointBehaviour: Sendable, Hashable {
    /// Rings, then answers after this long.
    case answer(after: Duration)
    /// Rings until hung up.
    case neverAnswer
    /// Refuses at once: `Dial` with `BUSY`, then the channel is destroyed with cause 17.
    case busy
}

extension ARISimulator {
    /// Makes `endpoint` (e.g. `PJSIP/1001`) behave this way from now on; nil restores answering
    /// after ``ARISimulatorConfiguration/answerDelay``.
    public func setEndpointBehaviour(_ behaviour: ARISimEndpointBehaviour?, for endpoint: String) {
        world.withLock { $0.endpointBehaviours[endpoint] = behaviour }
    }

    func endpointBehaviour(_ endpoint: String) -> ARISimEndpointBehaviour {
        world.withLock { $0.endpointBehaviours[endpoint] } ?? .answer(after: configuration.answerDelay)
    }

    /// An originated channel that rings (never answering) or is refused busy.
    func scheduleUnanswered(_ id: String, endpoint: String, application: String?, busy: Bool) {
        schedule(after: configuration.eventDelay) {
            self.world.withLock { world in
                guard let entry = world.channels[id] else { return }
                world.emit(.dial(ARIDial(peer: entry.channel, forward: "", dialstring: endpoint, dialstatus: "")), to: application)
                guard busy else {
                    world.setState(id, .ringing)
                    return
                }
                world.emit(.dial(ARIDial(peer: entry.channel, forward: "", dialstring: endpoint, dialstatus: "BUSY")), to: application)
                world.destroyChannel(id, cause: 17, soft: nil)
            }
        }
    }

    // MARK: Inspection for tests

    /// The channels in a bridge, in the order they joined.
    public func channels(inBridge id: String) -> [String]? { world.withLock { $0.bridges[id]?.bridge.channels } }

    /// The bridge's type (`holding`, `mixing`).
    public func bridgeType(_ id: String) -> String? { world.withLock { $0.bridges[id]?.bridge.bridgeType } }

    /// The music-on-hold class playing to a bridge, if any.
    public func mohClass(ofBridge id: String) -> String? { world.withLock { $0.bridges[id]?.mohClass } }

    /// Whether the channel is on hold.
    public func isOnHold(_ channelID: String) -> Bool { world.withLock { $0.channels[channelID]?.onHold ?? false } }

    /// Live recordings: name → target URI (`bridge:<id>`).
    public func liveRecordings() -> [String: String] {
        world.withLock { $0.recordings.mapValues(\.recording.targetURI) }
    }

    /// Media of playbacks in progress on a channel.
    public func playbackMedia(onChannel id: String) -> [[String]] {
        world.withLock { $0.playbacks.values.filter { $0.playback.targetURI == "channel:\(id)" }.map(\.media) }
    }

    /// Ids of every channel whose name starts with `prefix` (e.g. `Snoop/`).
    public func channelIDs(named prefix: String) -> [String] {
        world.withLock { $0.channels.values.filter { $0.channel.name.hasPrefix(prefix) }.map(\.channel.id).sorted() }
    }
}
