import ARI
import AsteriskSimulator
import CTICore
import Foundation
import Testing

/// The events client against the simulator over loopback.
@Suite struct EventsClientTests {
    @Test func ivrFlowWithBargeIn() async throws {
        // Long prompts: the digit, not the end of the media, must be what stops them, however busy the machine.
        try await withSimulator(makeSimulator(mediaDuration: .seconds(60))) { simulator, baseURL in
            try await withEventsClient(testConfiguration(baseURL: baseURL)) { client, subscription in
                let opening = try await collect(subscription) { $0.snapshot != nil }
                #expect(opening.first == .connected(reconnect: false))
                #expect(opening.last?.snapshot?.channels == [])
                let rest = client.rest

                try simulator.injectInboundCall(application: "ctibridge", channelID: "ivr-1")
                let start = try await collect(subscription) { $0.type == "StasisStart" }.last?.event
                guard case .stasisStart(let stasis) = start?.payload else {
                    Issue.record("no StasisStart")
                    return
                }
                #expect(stasis.args == ["inbound", "7000"])
                #expect(stasis.channel.linkedID == "ivr-1")

                try await rest.answer("ivr-1")
                _ = try await collect(subscription) { $0.event?.channel?.state == .up && $0.type == "ChannelStateChange" }
                _ = try await rest.play("ivr-1", media: ["sound:welcome", "sound:menu"], playbackID: "pb-1")
                _ = try await collect(subscription) { $0.type == "PlaybackStarted" }
                try simulator.injectDTMF(channelID: "ivr-1", digits: "1")
                let dtmf = try await collect(subscription) { $0.type == "ChannelDtmfReceived" }.last?.event
                guard case .channelDtmfReceived(let digit) = dtmf?.payload else {
                    Issue.record("no DTMF")
                    return
                }
                #expect(digit.digit == "1")
                // Barge-in: stop the prompt on the first digit; the later 404 is tolerated.
                try await rest.stopPlayback("pb-1", ignoreMissing: true)
                let finished = try await collect(subscription) { $0.type == "PlaybackFinished" }.last?.event
                guard case .playbackFinished(let done) = finished?.payload else {
                    Issue.record("no PlaybackFinished")
                    return
                }
                #expect(done.playback.id == "pb-1")
                #expect(!done.playback.failed)
                try await rest.stopPlayback("pb-1", ignoreMissing: true)

                try await rest.hangup("ivr-1")
                let ending = try await collect(subscription) { $0.type == "ChannelDestroyed" }.compactMap(\.type)
                #expect(ending.suffix(3) == ["ChannelHangupRequest", "StasisEnd", "ChannelDestroyed"])
                #expect(client.statistics.isConnected)
                #expect(client.statistics.malformedEvents == 0)
            }
        }
    }

    @Test func missingSoundFinishesAsFailedAfterA201() async throws {
        try await withSimulator { simulator, baseURL in
            try await withEventsClient(testConfiguration(baseURL: baseURL)) { client, subscription in
                _ = try await collect(subscription) { $0.snapshot != nil }
                try simulator.injectInboundCall(application: "ctibridge", channelID: "c1")
                try await client.rest.answer("c1")
                let playback = try await client.rest.play("c1", media: ["sound:no-such-file"], playbackID: "pb-bad")
                #expect(playback.state == .queued)
                let events = try await collect(subscription) { $0.type == "PlaybackFinished" }
                guard case .playbackFinished(let finished) = events.last?.event?.payload else {
                    Issue.record("no PlaybackFinished")
                    return
                }
                #expect(finished.playback.state == .failed)
                #expect(finished.playback.failed)
                #expect(events.contains { $0.type == "PlaybackStarted" })
            }
        }
    }

    @Test func bridgeOriginateAndRecord() async throws {
        let recordings = temporaryDirectory()
        try await withSimulator(makeSimulator(recordings: recordings)) { simulator, baseURL in
            try await withEventsClient(testConfiguration(baseURL: baseURL)) { client, subscription in
                _ = try await collect(subscription) { $0.snapshot != nil }
                let rest = client.rest
                try simulator.injectInboundCall(application: "ctibridge", channelID: "cust-1")
                try await rest.answer("cust-1")
                _ = try await rest.createBridge(types: [.mixing], bridgeID: "br-1", name: "call-1")
                _ = try await rest.originate(ARIOriginate(
                    endpoint: "Local/1001@agents/n", target: .application("ctibridge", args: ["agent", "1001"]),
                    channelID: "agent-1", otherChannelID: "agent-2"))
                let agentStart = try await collect(subscription) { $0.type == "StasisStart" && $0.event?.channel?.id == "agent-1" }
                #expect(agentStart.contains { $0.type == "Dial" })
                guard case .stasisStart(let stasis) = agentStart.last?.event?.payload else {
                    Issue.record("no StasisStart")
                    return
                }
                #expect(stasis.args == ["agent", "1001"])
                #expect(stasis.channel.state == .up)

                try await rest.addChannels("br-1", ["cust-1", "agent-1"])
                let entered = try await collect(subscription) { $0.type == "ChannelEnteredBridge" && $0.event?.channel?.id == "agent-1" }
                #expect(entered.filter { $0.type == "ChannelEnteredBridge" }.count == 2)

                _ = try await rest.recordBridge("br-1", ARIRecordRequest(name: "cap-test", ifExists: "overwrite"))
                _ = try await collect(subscription) { $0.type == "RecordingStarted" }
                try await Task.sleep(for: .milliseconds(250))
                try await rest.stopLiveRecording("cap-test")
                let finished = try await collect(subscription) { $0.type == "RecordingFinished" }.last?.event
                guard case .recordingFinished(let recording) = finished?.payload else {
                    Issue.record("no RecordingFinished")
                    return
                }
                #expect(recording.recording.state == "done")

                let file = recordings.appendingPathComponent("cap-test.wav")
                let bytes = try [UInt8](Data(contentsOf: file))
                #expect(bytes.count > 44)
                #expect(Array(bytes[0..<4]) == Array("RIFF".utf8))
                #expect(Array(bytes[8..<12]) == Array("WAVE".utf8))
                #expect(Array(bytes[12..<16]) == Array("fmt ".utf8))
                let riffSize = Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16 | Int(bytes[7]) << 24
                #expect(riffSize == bytes.count - 8)
                #expect(try await rest.storedRecordingFile("cap-test") == bytes)

                try await rest.hangup("cust-1")
                try await rest.hangup("agent-1")
                try await rest.destroyBridge("br-1")
                let tail = try await collect(subscription) { $0.type == "BridgeDestroyed" }.compactMap(\.type)
                #expect(tail.contains("ChannelLeftBridge"))
                #expect(simulator.channelsInStasis(application: "ctibridge").isEmpty)
            }
        }
    }

    @Test func reconnectResyncsChannelsStillInStasis() async throws {
        let simulator = makeSimulator()
        let firstRun = SimulatorRun(simulator)
        let baseURL = await simulator.baseURL()
        try await withEventsClient(testConfiguration(baseURL: baseURL)) { client, subscription in
            _ = try await collect(subscription) { $0.snapshot != nil }
            try simulator.injectInboundCall(application: "ctibridge", channelID: "keep-1")
            try simulator.injectInboundCall(application: "ctibridge", channelID: "keep-2")
            _ = try await collect(subscription) { $0.event?.channel?.id == "keep-2" }

            // Stop the simulator's HTTP side; calls stay in Stasis meanwhile, one hangs up.
            await firstRun.stop()
            _ = try await collect(subscription) { $0.disconnectError != nil }
            try simulator.hangUp(channelID: "keep-2")
            let secondRun = SimulatorRun(simulator)
            defer { secondRun.cancel() }
            #expect(await simulator.baseURL() == baseURL, "restart binds the same port")

            let resync = try await collect(subscription, timeout: .seconds(10)) { $0.snapshot != nil }
            #expect(resync.contains(.connected(reconnect: true)))
            let snapshot = try #require(resync.last?.snapshot)
            #expect(snapshot.afterReconnect)
            #expect(snapshot.channels.map(\.id) == ["keep-1"])
            #expect(snapshot.application.channelIDs == ["keep-1"])
            #expect(client.statistics.reconnects >= 1)
        }
    }

    @Test func applicationReplacedStopsTheOlderClient() async throws {
        try await withSimulator { _, baseURL in
            let configuration = testConfiguration(baseURL: baseURL)
            let first = ARIEventsClient(configuration: configuration, randomSeed: 1)
            let firstEvents = first.subscribe()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    let error = await ariError { try await first.run() }
                    #expect(error?.code == .applicationReplaced)
                }
                _ = try await collect(firstEvents) { $0.snapshot != nil }
                try await withEventsClient(configuration) { _, secondEvents in
                    _ = try await collect(secondEvents) { $0.snapshot != nil }
                    let seen = try await collect(firstEvents) { $0.disconnectError != nil }
                    #expect(seen.contains { $0.type == "ApplicationReplaced" })
                    #expect(seen.last?.disconnectError?.code == .applicationReplaced)
                }
                try await group.waitForAll()
            }
        }
    }

    @Test func badCredentialsAreFatalAndNotRetried() async throws {
        try await withSimulator { _, baseURL in
            let client = ARIEventsClient(configuration: testConfiguration(baseURL: baseURL, password: "wrong"), randomSeed: 1)
            let events = client.subscribe()
            let error = await ariError { try await client.run() }
            #expect(error?.code == .unauthorized)
            var seen: [ARIClientEvent] = []
            for await event in events { seen.append(event) }
            #expect(seen.count == 1, "one disconnect, no retries")
            #expect(seen.first?.disconnectError?.code == .unauthorized)
        }
    }

    @Test func unreachableServerIsRetried() async throws {
        let configuration = testConfiguration(baseURL: "http://127.0.0.1:1/ari")
        let disconnects = try await withEventsClient(configuration) { _, subscription in
            var errors: [ARIError] = []
            for await event in subscription {
                if let error = event.disconnectError { errors.append(error) }
                if errors.count == 3 { break }
            }
            return errors
        }
        #expect(disconnects.count == 3)
        #expect(disconnects.allSatisfy { $0.code == .transport })
    }
}
