import Synchronization
import ARI
import Foundation

extension ARISimulator {
    func listBridges() -> ARISimReply {
        .json(world.withLock { $0.bridges.values.map(\.bridge).sorted { $0.id < $1.id } })
    }

    func getBridge(_ id: String) -> ARISimReply {
        world.withLock { world in
            guard let entry = world.bridges[id] else { return .bridgeNotFound }
            return .json(entry.bridge)
        }
    }

    func createBridge(_ request: ARISimRequest) -> ARISimReply {
        let types = request.all("type")
        let known: Set<String> = ["mixing", "holding", "dtmf_events", "proxy_media", "video_sfu", "video_single", "sdp_label"]
        guard types.allSatisfy(known.contains) else { return .error(400, "Invalid bridge type") }
        let holding = types.contains("holding")
        return world.withLock { world in
            let id = request.first("bridgeId") ?? UUID().uuidString.lowercased()
            if let existing = world.bridges[id] { return .json(existing.bridge) }
            let bridge = ARIBridge(
                id: id, technology: holding ? "holding_bridge" : "simple_bridge", bridgeType: holding ? "holding" : "mixing",
                name: request.first("name") ?? "", creationtime: ARISimClock.timestamp())
            world.bridges[id] = ARISimBridge(bridge: bridge)
            return .json(bridge)
        }
    }

    func destroyBridge(_ id: String) -> ARISimReply {
        let (reply, pending) = world.withLock { world -> (ARISimReply, [ARISimPendingWAV]) in
            guard let entry = world.bridges[id] else { return (.bridgeNotFound, []) }
            for channelID in entry.bridge.channels { world.removeFromBridge(channelID) }
            var pending: [ARISimPendingWAV] = []
            for name in world.recordings.names(recording: "bridge:\(id)") {
                guard let recording = world.recordings[name] else { continue }
                if let wav = self.completeRecording(&world, name: name, recording: recording, cancel: false) { pending.append(wav) }
            }
            let final = world.bridges[id] ?? entry
            world.bridges[id] = nil
            world.emit(.bridgeDestroyed(ARIBridgeOnly(bridge: final.bridge)), toAll: final.applications)
            return (.noContent, pending)
        }
        for wav in pending { write(wav) }
        return reply
    }

    func bridgeAction(_ method: String, _ id: String, _ action: String, _ extra: String?, _ request: ARISimRequest) -> ARISimReply {
        switch (method, action, extra) {
        case ("POST", "addChannel", nil):
            let ids = request.all("channel")
            guard !ids.isEmpty else { return .error(400, "Missing parameter channel") }
            return world.withLock { world in
                guard world.bridges[id] != nil else { return .bridgeNotFound }
                // Asterisk's quirk: an unknown channel here is a 400, not a 404.
                for channelID in ids {
                    guard let entry = world.channels[channelID] else { return .error(400, "Channel not found") }
                    guard entry.inStasis else { return .error(422, "Channel not in Stasis application") }
                }
                for channelID in ids { world.addToBridge(channelID, bridgeID: id) }
                return .noContent
            }
        case ("POST", "removeChannel", nil):
            let ids = request.all("channel")
            guard !ids.isEmpty else { return .error(400, "Missing parameter channel") }
            return world.withLock { world in
                guard world.bridges[id] != nil else { return .bridgeNotFound }
                for channelID in ids {
                    guard let entry = world.channels[channelID] else { return .error(400, "Channel not found") }
                    guard entry.bridgeID == id else { return .error(422, "Channel not in this bridge") }
                }
                for channelID in ids { world.removeFromBridge(channelID) }
                return .noContent
            }
        case ("POST", "moh", nil), ("DELETE", "moh", nil):
            return world.withLock { world in
                guard world.bridges[id] != nil else { return .bridgeNotFound }
                world.bridges[id]?.mohClass = method == "POST" ? (request.first("mohClass") ?? "default") : nil
                return .noContent
            }
        case ("POST", "play", _):
            return play(target: "bridge:\(id)", playbackID: extra, request) { world in
                world.bridges[id] == nil ? .bridgeNotFound : nil
            } application: { world in
                world.bridges[id]?.applications.sorted().first
            }
        case ("POST", "record", nil):
            return recordBridge(id, request)
        default:
            return .error(404, "Resource not found")
        }
    }
}
