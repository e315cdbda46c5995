import ARI
import Foundation
import TestSupport
import Testing

/// The models' JSON names against Asterisk's Swagger `models`: every required field is present
/// and no property is invented.
@Suite struct SwaggerCrossCheckTests {
    struct Property {
        var required: Bool
    }

    static func swaggerModels() throws -> [String: [String: Property]] {
        var models: [String: [String: Property]] = [:]
        let folder = Fixtures.directory.appendingPathComponent("ari-api-docs")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".json") {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for (name, model) in root["models"] as? [String: Any] ?? [:] {
                let properties = (model as? [String: Any])?["properties"] as? [String: Any] ?? [:]
                models[name] = properties.mapValues { Property(required: (($0 as? [String: Any])?["required"] as? Bool) ?? false) }
            }
        }
        return models
    }

    /// Encodes a fully populated value and returns its top-level keys.
    static func keys(_ value: some Encodable) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value)) as? [String: Any]
        return Set(object?.keys.map { $0 } ?? [])
    }

    static let channel = ARIChannel(
        id: "1", name: "PJSIP/a-1", state: .up, protocolID: "", caller: ARICallerID(), connected: ARICallerID(),
        accountcode: "", dialplan: ARIDialplan(context: "c", exten: "s", priority: 1, appName: "Stasis", appData: "x"),
        creationtime: "2026-11-22T18:02:04.506+0000", language: "en", channelvars: [:], callerRDNIS: "", tenantID: "")
    static let bridge = ARIBridge(
        id: "b", technology: "simple_bridge", bridgeType: "mixing", name: "n", videoMode: "talker", videoSourceID: "v",
        creationtime: "t", bridgevars: [:])
    static let playback = ARIPlayback(id: "p", mediaURI: "sound:x", nextMediaURI: "sound:y", targetURI: "channel:1", language: "en", state: .playing)
    static let recording = ARILiveRecording(
        name: "r", format: "wav", targetURI: "bridge:b", state: "done", duration: 1, talkingDuration: 1, silenceDuration: 0, cause: "")

    static func samples() -> [(String, any Encodable)] {
        [
            ("Channel", channel),
            ("CallerID", ARICallerID()),
            ("DialplanCEP", channel.dialplan),
            ("Bridge", bridge),
            ("Playback", playback),
            ("LiveRecording", recording),
            ("StoredRecording", ARIStoredRecording(name: "r", format: "wav")),
            ("Application", ARIApplication(name: "ctibridge")),
            ("Variable", ARIVariable(value: "")),
            ("AsteriskInfo", ARIAsteriskInfo(
                build: .init(os: "", kernel: "", options: "", machine: "", date: "", user: ""),
                system: .init(version: "22", entityID: "e"),
                config: .init(name: "", defaultLanguage: "en", maxChannels: 1, maxOpenFiles: 1, maxLoad: 1, setid: .init(user: "", group: "")),
                status: .init(startupTime: "", lastReloadTime: ""))),
            ("SystemInfo", ARIAsteriskInfo.System(version: "22", entityID: "e")),
            ("ConfigInfo", ARIAsteriskInfo.Config(name: "", defaultLanguage: "en", maxChannels: 1, maxOpenFiles: 1, maxLoad: 1, setid: .init(user: "", group: ""))),
            ("StatusInfo", ARIAsteriskInfo.Status(startupTime: "", lastReloadTime: "")),
            ("BuildInfo", ARIAsteriskInfo.Build(os: "", kernel: "", options: "", machine: "", date: "", user: "")),
            ("StasisStart", ARIStasisStart(args: [], channel: channel, replaceChannel: channel)),
            ("StasisEnd", ARIChannelOnly(channel: channel)),
            ("ChannelStateChange", ARIChannelOnly(channel: channel)),
            ("ChannelConnectedLine", ARIChannelOnly(channel: channel)),
            ("ChannelDtmfReceived", ARIChannelDtmfReceived(digit: "1", durationMs: 100, channel: channel)),
            ("ChannelHangupRequest", ARIChannelHangupRequest(cause: 16, techCause: 0, soft: true, channel: channel)),
            ("ChannelDestroyed", ARIChannelDestroyed(cause: 16, causeTxt: "Normal Clearing", techCause: 0, channel: channel)),
            ("ChannelVarset", ARIChannelVarset(variable: "A", value: "1", channel: channel)),
            ("ChannelCallerId", ARIChannelCallerID(callerPresentation: 0, callerPresentationTxt: "x", channel: channel)),
            ("ChannelDialplan", ARIChannelDialplan(channel: channel, dialplanApp: "NoOp", dialplanAppData: "")),
            ("ChannelHold", ARIChannelHold(channel: channel, musicclass: "default")),
            ("ChannelEnteredBridge", ARIChannelBridge(bridge: bridge, channel: channel)),
            ("ChannelLeftBridge", ARIChannelBridge(bridge: bridge, channel: channel)),
            ("BridgeCreated", ARIBridgeOnly(bridge: bridge)),
            ("BridgeDestroyed", ARIBridgeOnly(bridge: bridge)),
            ("Dial", ARIDial(caller: channel, peer: channel, forward: "", forwarded: channel, dialstring: "x", dialstatus: "ANSWER")),
            ("PlaybackStarted", ARIPlaybackEvent(playback: playback)),
            ("PlaybackFinished", ARIPlaybackEvent(playback: playback)),
            ("RecordingStarted", ARIRecordingEvent(recording: recording)),
            ("RecordingFinished", ARIRecordingEvent(recording: recording)),
            ("RecordingFailed", ARIRecordingEvent(recording: recording)),
        ]
    }

    @Test func modelsMatchSwagger() throws {
        let models = try Self.swaggerModels()
        for (name, sample) in Self.samples() {
            let swagger = try #require(models[name], "Swagger has no model \(name)")
            let keys = try Self.keys(sample)
            let required = Set(swagger.filter(\.value.required).keys)
            #expect(required.subtracting(keys).isEmpty, "\(name) lacks required \(required.subtracting(keys).sorted())")
            #expect(keys.subtracting(swagger.keys).isEmpty, "\(name) invents \(keys.subtracting(swagger.keys).sorted())")
        }
    }

    @Test func eventEnvelopeMatchesSwagger() throws {
        let models = try Self.swaggerModels()
        let envelope = Set((models["Event"] ?? [:]).keys).union((models["Message"] ?? [:]).keys)
        let event = ARIEvent(application: "a", timestamp: "t", asteriskID: "id", .applicationReplaced)
        #expect(try Self.keys(event) == envelope)
    }
}
