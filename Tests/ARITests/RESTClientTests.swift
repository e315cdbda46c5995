import ARI
import AsteriskSimulator
import Foundation
import NIOHTTP1
import TestSupport
import Testing

/// The REST client against the simulator over loopback: each endpoint and each error mapping.
@Suite struct RESTClientTests {
    /// A registered app with one inbound call in Stasis.
    static func withCall(
        mediaDuration: Duration = .milliseconds(150),
        _ body: @escaping @Sendable (ARISimulator, ARIRESTClient, ARIChannel) async throws -> Void
    ) async throws {
        try await withSimulator(makeSimulator(mediaDuration: mediaDuration)) { simulator, baseURL in
            let configuration = testConfiguration(baseURL: baseURL)
            try await withEventsClient(configuration) { client, subscription in
                _ = try await collect(subscription) { $0.snapshot != nil }
                let channel = try simulator.injectInboundCall(application: "ctibridge", channelID: "in-1")
                _ = try await collect(subscription) { $0.type == "StasisStart" }
                try await body(simulator, client.rest, channel)
            }
        }
    }

    @Test func channelsEndpoints() async throws {
        // Long media, so the playback is still there to pause and stop on a busy machine.
        try await Self.withCall(mediaDuration: .seconds(60)) { simulator, rest, channel in
            #expect(try await rest.channel("in-1").state == .ring)
            try await rest.answer("in-1")
            #expect(try await rest.channel("in-1").state == .up)
            #expect(try await rest.channels().map(\.id) == ["in-1"])
            #expect(try await rest.variable("in-1", "CHANNEL(linkedid)") == "in-1")
            try await rest.setVariable("in-1", "LANG", value: "vi")
            #expect(try await rest.variable("in-1", "LANG") == "vi")
            #expect(await ariError { _ = try await rest.variable("in-1", "NOPE") }?.code == .notFound)
            try await rest.ring("in-1")
            try await rest.stopRinging("in-1")
            try await rest.hold("in-1")
            try await rest.unhold("in-1")
            try await rest.startMOH("in-1", mohClass: "default")
            try await rest.stopMOH("in-1")
            try await rest.sendDTMF("in-1", "12#", betweenMs: 100, durationMs: 100)

            let playback = try await rest.play("in-1", media: ["sound:hello-world", "digits:12"], playbackID: "pb-1")
            #expect(playback.id == "pb-1")
            #expect(playback.state == .queued)
            #expect(playback.mediaURI == "digits:12")
            #expect(try await rest.playback("pb-1").targetURI == "channel:in-1")
            try await rest.controlPlayback("pb-1", operation: "pause")
            #expect(await ariError { try await rest.controlPlayback("pb-1", operation: "spin") }?.code == .badRequest)
            try await rest.stopPlayback("pb-1")
            #expect(await ariError { try await rest.stopPlayback("pb-1") }?.code == .notFound)
            try await rest.stopPlayback("pb-1", ignoreMissing: true)

            let snoop = try await rest.snoop("in-1", application: "ctibridge", spy: "both", snoopID: "snoop-1")
            #expect(snoop.id == "snoop-1")
            #expect(snoop.linkedID == "in-1")

            try await rest.continueInDialplan("in-1", context: "inbound", extension: "7000", priority: 3)
            #expect(simulator.channelsInStasis(application: "ctibridge") == ["snoop-1"])
            let error = await ariError { try await rest.answer("in-1") }
            #expect(error?.code == .notInStasis)
            #expect(error?.status == 409)
            #expect(error?.asteriskMessage == "Channel not in Stasis application")
            try await rest.hangup("in-1")
            #expect(await ariError { try await rest.hangup("in-1") }?.code == .notFound)
            #expect(channel.id == "in-1")
        }
    }

    @Test func originateAndCreateDial() async throws {
        try await Self.withCall { _, rest, _ in
            let agent = try await rest.originate(ARIOriginate(
                endpoint: "Local/1001@agents/n", target: .application("ctibridge", args: ["agent", "1001"]),
                channelID: "ari-agent-1", otherChannelID: "ari-agent-2", callerID: "\"Queue support\" <7000>", timeoutSeconds: 20,
                variables: ["CTI_CALL": "c-1"]))
            #expect(agent.id == "ari-agent-1")
            #expect(agent.state == .down, "a Local channel starts Down")
            #expect(agent.caller == ARICallerID(name: "Queue support", number: "7000"))
            #expect(agent.linkedID == "ari-agent-1")
            #expect(agent.dialplan.context == "agents")
            #expect(try await rest.channel("ari-agent-2").name.hasSuffix(";2"))
            // The other half is not in Stasis: play is a 409, as in the capture.
            #expect(await ariError { _ = try await rest.play("ari-agent-2", media: ["sound:hello-world"]) }?.code == .notInStasis)

            let dialplan = try await rest.originate(ARIOriginate(
                endpoint: "PJSIP/1002", target: .dialplan(context: "agents", extension: "1002"), channelID: "dp-1"))
            #expect(dialplan.id == "dp-1")

            let bogus = await ariError {
                _ = try await rest.originate(ARIOriginate(endpoint: "Bogus/xyz", target: .application("ctibridge")))
            }
            #expect(bogus?.code == .server)
            #expect(bogus?.asteriskMessage == "Allocation failed")

            let created = try await rest.createChannel(endpoint: "PJSIP/1003", application: "ctibridge", appArgs: ["agent"], channelID: "made-1")
            #expect(created.state == .down)
            let early = await ariError { _ = try await rest.play("made-1", media: ["sound:hello"]) }
            #expect(early?.code == .invalidState, "a Down channel cannot play yet")
            #expect(early?.asteriskMessage == "Channel in invalid state")
            try await rest.dial("made-1", timeoutSeconds: 10)
            #expect(await poll { (try? await rest.channel("made-1").state) == .up })
        }
    }

    @Test func bridgesAndRecordings() async throws {
        let recordings = temporaryDirectory()
        try await withSimulator(makeSimulator(recordings: recordings)) { simulator, baseURL in
            try await withEventsClient(testConfiguration(baseURL: baseURL)) { client, subscription in
                _ = try await collect(subscription) { $0.snapshot != nil }
                let rest = client.rest
                try simulator.injectInboundCall(application: "ctibridge", channelID: "c1")
                try simulator.injectInboundCall(application: "ctibridge", channelID: "c2")
                let bridge = try await rest.createBridge(types: [.mixing], bridgeID: "br-1", name: "call-1")
                #expect(bridge.bridgeType == "mixing")
                #expect(bridge.technology == "simple_bridge")
                let holding = try await rest.createBridge(types: [.holding], bridgeID: "hold-1")
                #expect(holding.bridgeType == "holding")
                try await rest.startBridgeMOH("hold-1")
                try await rest.stopBridgeMOH("hold-1")
                try await rest.addChannels("br-1", ["c1", "c2"])
                #expect(try await rest.bridge("br-1").channels == ["c1", "c2"])
                #expect(try await rest.bridges().map(\.id) == ["br-1", "hold-1"])
                let quirk = await ariError { try await rest.addChannels("br-1", ["no-such-channel"]) }
                #expect(quirk?.code == .badRequest)
                #expect(quirk?.asteriskMessage == "Channel not found")
                #expect(await ariError { try await rest.addChannels("nope", ["c1"]) }?.code == .notFound)
                try await rest.removeChannels("br-1", ["c2"])
                #expect(await ariError { try await rest.removeChannels("br-1", ["c2"]) }?.code == .unprocessable)

                let live = try await rest.recordBridge("br-1", ARIRecordRequest(name: "cap-test", ifExists: "overwrite"))
                #expect(live.state == "queued")
                #expect(live.targetURI == "bridge:br-1")
                #expect(await ariError {
                    _ = try await rest.recordBridge("br-1", ARIRecordRequest(name: "other", format: "mp9"))
                }?.code == .unprocessable)
                try await Task.sleep(for: .milliseconds(300))
                #expect(try await rest.liveRecording("cap-test").state == "recording")
                try await rest.stopLiveRecording("cap-test")
                #expect(try await rest.storedRecordings() == [ARIStoredRecording(name: "cap-test", format: "wav")])
                #expect(try await rest.storedRecording("cap-test").format == "wav")
                let bytes = try await rest.storedRecordingFile("cap-test")
                #expect(bytes.count > 44)
                #expect(Array(bytes[0..<4]) == Array("RIFF".utf8))
                try await rest.deleteStoredRecording("cap-test")
                #expect(await ariError { _ = try await rest.storedRecording("cap-test") }?.code == .notFound)
                #expect(await ariError { _ = try await rest.storedRecordingFile("cap-test") }?.code == .notFound)

                try await rest.destroyBridge("br-1")
                #expect(await ariError { _ = try await rest.bridge("br-1") }?.code == .notFound)
            }
        }
    }

    @Test func applicationsAndInfo() async throws {
        try await Self.withCall { _, rest, _ in
            let app = try await rest.application("ctibridge")
            #expect(app.channelIDs == ["in-1"])
            #expect(try await rest.applications().map(\.name) == ["ctibridge"])
            _ = try await rest.createBridge(bridgeID: "b9")
            let subscribed = try await rest.subscribe("ctibridge", eventSources: ["bridge:b9"])
            #expect(subscribed.bridgeIDs == ["b9"])
            #expect(try await rest.unsubscribe("ctibridge", eventSources: ["bridge:b9"]).bridgeIDs == [])
            #expect(await ariError { _ = try await rest.subscribe("ctibridge", eventSources: ["channel:ghost"]) }?.code == .unprocessable)
            #expect(await ariError { _ = try await rest.application("other") }?.code == .notFound)
            let info = try await rest.asteriskInfo()
            #expect(info.system?.version == "22.10.1")
        }
    }

    @Test func authenticationAndTransportErrors() async throws {
        try await withSimulator { _, baseURL in
            let bad = ARIRESTClient(configuration: testConfiguration(baseURL: baseURL, password: "wrong"))
            let error = await ariError { _ = try await bad.channels() }
            #expect(error?.code == .unauthorized)
            #expect(error?.asteriskMessage == "Authentication required")
            #expect(!(error?.description.contains("wrong") ?? true))

            let apiKey = ARIRESTClient(configuration: testConfiguration(baseURL: baseURL, method: .apiKey))
            let viaAPIKey = try await apiKey.channels()
            #expect(viaAPIKey.isEmpty)

            let slash = ARIRESTClient(configuration: testConfiguration(baseURL: baseURL))
            let trailing = await ariError { _ = try await slash.send(.GET, ["channels", ""]) }
            #expect(trailing?.code == .notFound)
            #expect(trailing?.asteriskMessage?.hasPrefix("ARI URLs do not end with a slash") == true)
        }
        let nobody = ARIRESTClient(configuration: testConfiguration(baseURL: "http://127.0.0.1:1/ari"))
        #expect(await ariError { _ = try await nobody.channels() }?.code == .transport)
    }
}
