import Foundation
import Synchronization
import ARI
import CTICore

extension ARISimulator {
    /// Dispatches one authenticated request by method and path below `/ari`.
    func handle(_ request: ARISimRequest) -> ARISimReply {
        let p = request.path
        switch (request.method, p.count) {
        case ("GET", 1) where p[0] == "events":
            return .error(400, "Invalid application provided in param [app].")
        case ("GET", 1) where p[0] == "channels": return listChannels()
        case ("POST", 1) where p[0] == "channels": return originate(request)
        case ("POST", 2) where p[0] == "channels" && p[1] == "create": return createChannel(request)
        case ("GET", 2) where p[0] == "channels": return getChannel(p[1])
        case ("DELETE", 2) where p[0] == "channels": return hangupRequest(p[1], request)
        case (_, 3...4) where p[0] == "channels": return channelAction(request.method, p[1], p[2], p.count == 4 ? p[3] : nil, request)

        case ("GET", 1) where p[0] == "bridges": return listBridges()
        case ("POST", 1) where p[0] == "bridges": return createBridge(request)
        case ("GET", 2) where p[0] == "bridges": return getBridge(p[1])
        case ("DELETE", 2) where p[0] == "bridges": return destroyBridge(p[1])
        case (_, 3...4) where p[0] == "bridges": return bridgeAction(request.method, p[1], p[2], p.count == 4 ? p[3] : nil, request)

        case ("GET", 2) where p[0] == "playbacks": return getPlayback(p[1])
        case ("DELETE", 2) where p[0] == "playbacks": return stopPlayback(p[1])
        case ("POST", 3) where p[0] == "playbacks" && p[2] == "control": return controlPlayback(p[1], request)

        case ("GET", 2) where p[0] == "recordings" && p[1] == "stored": return listStoredRecordings()
        case ("GET", 3) where p[0] == "recordings" && p[1] == "stored": return getStoredRecording(p[2])
        case ("DELETE", 3) where p[0] == "recordings" && p[1] == "stored": return deleteStoredRecording(p[2])
        case ("GET", 4) where p[0] == "recordings" && p[1] == "stored" && p[3] == "file": return storedRecordingFile(p[2])
        case ("GET", 3) where p[0] == "recordings" && p[1] == "live": return getLiveRecording(p[2])
        case ("POST", 4) where p[0] == "recordings" && p[1] == "live" && p[3] == "stop": return finishRecording(p[2], cancel: false)
        case ("DELETE", 3) where p[0] == "recordings" && p[1] == "live": return finishRecording(p[2], cancel: true)

        case ("GET", 1) where p[0] == "applications":
            return .json(world.withLock { world in world.applications.sorted().map { world.applicationModel($0) } })
        case ("GET", 2) where p[0] == "applications": return getApplication(p[1])
        case ("POST", 3) where p[0] == "applications" && p[2] == "subscription": return subscription(p[1], request, add: true)
        case ("DELETE", 3) where p[0] == "applications" && p[2] == "subscription": return subscription(p[1], request, add: false)
        case ("PUT", 3) where p[0] == "applications" && p[2] == "eventFilter": return setEventFilter(p[1], request)

        case ("GET", 2) where p[0] == "asterisk" && p[1] == "info": return .json(asteriskInfo)
        default:
            return .error(404, "Resource not found")
        }
    }

    private func getApplication(_ name: String) -> ARISimReply {
        world.withLock { world in
            guard world.applications.contains(name) else { return .error(404, "Application not found") }
            return .json(world.applicationModel(name))
        }
    }

    private func subscription(_ name: String, _ request: ARISimRequest, add: Bool) -> ARISimReply {
        let sources = request.all("eventSource")
        guard !sources.isEmpty else { return .error(400, "Missing parameter eventSource") }
        return world.withLock { world in
            guard world.applications.contains(name) else { return .error(404, "Application not found") }
            for source in sources {
                let parts = source.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { return .error(400, "Invalid event source URI scheme '\(source)'") }
                let exists: Bool
                switch parts[0] {
                case "channel": exists = world.channels[parts[1]] != nil
                case "bridge": exists = world.bridges[parts[1]] != nil
                case "endpoint", "deviceState": exists = true
                default: return .error(400, "Invalid event source URI scheme '\(parts[0])'")
                }
                guard exists else { return .error(422, "Event source does not exist") }
                if add {
                    world.subscriptions[name, default: []].insert(source)
                } else {
                    world.subscriptions[name]?.remove(source)
                }
                if parts[0] == "bridge" {
                    if add { world.bridges[parts[1]]?.applications.insert(name) } else { world.bridges[parts[1]]?.applications.remove(name) }
                }
            }
            return .json(world.applicationModel(name))
        }
    }

    /// Asterisk's rules: an empty body or `{}` clears both lists; a list given replaces that list.
    private func setEventFilter(_ name: String, _ request: ARISimRequest) -> ARISimReply {
        var body = ARIJSON.object([:])
        if !request.body.isEmpty {
            guard let parsed = try? JSONDecoder().decode(ARIJSON.self, from: Data(request.body)) else { return .error(400, "Invalid format definition") }
            body = parsed
        }
        return world.withLock { world in
            guard world.applications.contains(name) else { return .error(404, "Application not found") }
            guard let filter = try? (world.eventFilters[name] ?? ARIEventFilter()).updated(by: body) else {
                return .error(400, "Invalid format definition")
            }
            world.eventFilters[name] = filter
            return .json(world.applicationModel(name))
        }
    }

    private var asteriskInfo: ARIAsteriskInfo {
        ARIAsteriskInfo(
            build: .init(os: "Linux", kernel: "6.1.0", options: "", machine: "x86_64", date: "2026-11-01 00:00:00 UTC", user: "simulator"),
            system: .init(version: "22.10.1", entityID: configuration.asteriskID),
            config: .init(name: "", defaultLanguage: "en", maxChannels: 0, maxOpenFiles: 0, maxLoad: 0, setid: .init(user: "", group: "")),
            status: .init(startupTime: ARISimClock.timestamp(), lastReloadTime: ARISimClock.timestamp())
        )
    }
}
