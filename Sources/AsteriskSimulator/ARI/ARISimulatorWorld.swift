import ARI
import CTICore
import Foundation

/// One simulated channel and what Stasis knows about it.
struct ARISimChannel {
    var channel: ARIChannel
    /// The application the channel is subscribed to (in Stasis, or originated with `app=`).
    var application: String?
    /// Whether the channel is inside `Stasis()` now.
    var inStasis = false
    var bridgeID: String?
    var variables: [String: String] = [:]
    var onHold = false
    /// The other half of a Local channel, hung up with this one.
    var localPeer: String?
}

/// One simulated bridge.
struct ARISimBridge {
    var bridge: ARIBridge
    var applications: Set<String> = []
    var mohClass: String?
}

/// One simulated playback.
struct ARISimPlayback {
    var playback: ARIPlayback
    var media: [String]
    var application: String?
}

/// One recording in progress.
struct ARISimRecording {
    var recording: ARILiveRecording
    var application: String?
    var started: ContinuousClock.Instant
    /// Where a channel recording's WAV goes when its channel hangs up.
    var fileURL: URL? = nil
}

/// A stopped recording whose WAV is still to be written (outside the world lock).
struct ARISimPendingWAV: Sendable {
    var url: URL
    var milliseconds: Int
    var recording: ARILiveRecording
    var application: String?
}

/// A connected events socket.
struct ARISimSocket {
    var id: Int
    var applications: [String]
    var continuation: AsyncStream<String>.Continuation
}

/// The whole simulated Asterisk state; lives across restarts of the HTTP side.
struct ARISimWorld {
    var channels: [String: ARISimChannel] = [:]
    var bridges: [String: ARISimBridge] = [:]
    var playbacks: [String: ARISimPlayback] = [:]
    var recordings = ARISimLiveRecordings()
    /// Applications ever registered (they stay, inactive, when their socket drops).
    var applications: Set<String> = []
    var subscriptions: [String: Set<String>] = [:]
    /// Each application's event filter (`PUT /applications/{app}/eventFilter`).
    var eventFilters: [String: ARIEventFilter] = [:]
    var sockets: [ARISimSocket] = []
    var nextSocketID = 0
    /// How originated endpoints behave (answer after a delay when absent).
    var endpointBehaviours: [String: ARISimEndpointBehaviour] = [:]
    var sequence = 0
    var asteriskID: String

    init(asteriskID: String) { self.asteriskID = asteriskID }

    mutating func nextSequence() -> Int {
        sequence += 1
        return sequence
    }

    /// Sends an event to the socket currently holding `application`, if any.
    func emit(_ payload: ARIEvent.Payload, to application: String?) {
        guard let application, let socket = sockets.last(where: { $0.applications.contains(application) }) else { return }
        // Filtered before encoding, as Asterisk filters before writing to the socket.
        if let filter = eventFilters[application], !filter.allows(Self.type(of: payload)) { return }
        let event = ARIEvent(application: application, timestamp: ARISimClock.timestamp(), asteriskID: asteriskID, payload)
        guard let data = try? JSONEncoder().encode(event) else { return }
        socket.continuation.yield(String(decoding: data, as: UTF8.self))
    }

    /// The event's `type`, read from the JSON kept for a type the models do not know.
    static func type(of payload: ARIEvent.Payload) -> String {
        if let name = payload.typeName { return name }
        guard case .unknown(let json) = payload, case .object(let fields) = json, case .string(let type)? = fields["type"] else { return "" }
        return type
    }

    /// Sends an event to every application in `applications`.
    func emit(_ payload: ARIEvent.Payload, toAll applications: Set<String>) {
        for application in applications.sorted() { emit(payload, to: application) }
    }

    /// Channel ids the application is subscribed to.
    func channelIDs(of application: String) -> [String] {
        var ids = Set(channels.values.filter { $0.application == application }.map(\.channel.id))
        for source in subscriptions[application] ?? [] where source.hasPrefix("channel:") {
            let id = String(source.dropFirst("channel:".count))
            if channels[id] != nil { ids.insert(id) }
        }
        return ids.sorted()
    }

    func applicationModel(_ name: String) -> ARIApplication {
        let bridgeIDs = bridges.values.filter { $0.applications.contains(name) }.map(\.bridge.id).sorted()
        let filter = eventFilters[name] ?? ARIEventFilter()
        return ARIApplication(
            name: name, channelIDs: channelIDs(of: name), bridgeIDs: bridgeIDs, eventsAllowed: filter.allowedEntries,
            eventsDisallowed: filter.disallowedEntries)
    }
}

/// Timestamps in Asterisk's own format: `2026-11-22T18:02:04.507+0000`.
enum ARISimClock {
    static func timestamp(_ date: Date = Date()) -> String {
        // Written by hand: making a DateFormatter for every event is slow.
        ARITimestamp.string(secondsSince1970: date.timeIntervalSince1970)
    }
}
