import ARI
import AsteriskSimulator
import CTICore
import Foundation
import Telephony
import Testing

func versionedMenu(_ prompt: String) -> String {
    """
    {
      "id": "swap", "start": "menu",
      "nodes": [
        {
          "id": "menu", "type": "menu", "prompts": ["\(prompt)"],
          "options": { "1": "done" }, "timeout": 30, "maxRetries": 3, "fallback": "done"
        },
        { "id": "done", "type": "hangup" }
      ]
    }
    """
}

@Suite struct LifecycleTests {
    @Test func newVersionIsLiveForNewCallsOnly() async throws {
        try await withIVR(flows: [try flow(versionedMenu("sound:menu-v1"))], routes: IVRDNISRoutes(defaultFlowID: "swap")) { ivr in
            let first = try await ivr.call(dnis: "7200")
            #expect(await ivr.waitForPlay(first, "sound:menu-v1"))
            try ivr.catalog.publish(try flow(versionedMenu("sound:menu-v2")), by: "admin", at: mondayMorning)
            let second = try await ivr.call(dnis: "7200", number: "+84911111111")
            #expect(await ivr.waitForPlay(second, "sound:menu-v2"))
            // The first call replays its own version's menu after an invalid key.
            try ivr.simulator.injectDTMF(channelID: first, digits: "5")
            #expect(await ivr.waitForPlay(first, "sound:menu-v1", count: 2))
            #expect(!ivr.played(first).contains(["sound:menu-v2"]))
            try ivr.simulator.injectDTMF(channelID: first, digits: "1")
            try ivr.simulator.injectDTMF(channelID: second, digits: "1")
            let (_, firstPath) = try await ivr.waitForEnd(first)
            let (_, secondPath) = try await ivr.waitForEnd(second)
            #expect(firstPath.flowVersion == 1)
            #expect(secondPath.flowVersion == 2)
        }
    }

    @Test func postCallSurveyStoresTheScores() async throws {
        try await withIVR(flows: [try sampleFlow("post-call-survey")], routes: IVRDNISRoutes(["7300": "post-call-survey"])) { ivr in
            let channel = try await ivr.call(dnis: "7300")
            #expect(await ivr.waitForPlay(channel, "sound:survey-agent"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "5")
            #expect(await ivr.waitForPlay(channel, "sound:survey-resolved"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "9")  // not a score: asked again
            #expect(await ivr.waitForPlay(channel, "sound:survey-1-to-5"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "4")
            #expect(await ivr.waitForPlay(channel, "sound:survey-overall"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "3")
            let (outcome, _) = try await ivr.waitForEnd(channel)
            #expect(outcome == .hungUp)
            let survey = try #require(ivr.outcomes.surveys.first)
            #expect(survey.survey == "post-call")
            #expect(survey.channelID == channel)
            #expect(survey.answers.map(\.score) == [5, 4, 3])
            #expect(survey.answers.map(\.question) == ["agent", "resolved", "overall"])
        }
    }

    @Test func unroutedNumberGoesToTheDialplanFallback() async throws {
        try await withIVR(flows: [try flow(quickMenu)], routes: IVRDNISRoutes(["7100": "quick"])) { ivr in
            let channel = try await ivr.call(dnis: "9999")
            _ = try await ivr.waitForEvent {
                if case .callUnrouted(let id, "9999") = $0 { id == channel } else { false }
            }
            #expect(await ivr.simulator.requestLog.wait { $0.contains { $0.path == "channels/\(channel)/continue" } })
            let requests = ivr.requests(channel)
            #expect(requests.count == 1)
            #expect(requests.first?.first("context") == "ctibridge-fallback")
        }
    }

    @Test func otherChannelsInTheApplicationAreLeftAlone() async throws {
        try await withIVR(flows: [try flow(quickMenu)], routes: IVRDNISRoutes(defaultFlowID: "quick")) { ivr in
            // An agent leg the ACD originates into the same application.
            let agent = try ivr.simulator.injectInboundCall(application: "ctibridge", exten: "1001", args: ["agent", "1001"]).id
            let caller = try await ivr.call(dnis: "7100")
            #expect(await ivr.waitForPlay(caller, "sound:quick-menu"))
            #expect(ivr.requests(agent).isEmpty)
            #expect(ivr.runner.activeChannels == [caller])
        }
    }

    @Test func malformedAndUnknownEventsAreIgnoredSafely() async throws {
        try await withIVR(flows: [try flow(versionedMenu("sound:menu-v1"))], routes: IVRDNISRoutes(defaultFlowID: "swap")) { ivr in
            let channel = try await ivr.call()
            #expect(await ivr.waitForPlay(channel, "sound:menu-v1"))
            let live = try #require(ivr.simulator.channel(channel))
            let badFrame = #"{"type":"ChannelDtmfReceived","application":"ctibridge"}"#
            let error = ARIError(.decoding, "ARI event: missing timestamp")
            ivr.runner.handle(.malformed(error, text: badFrame))
            _ = try await ivr.waitForEvent { if case .ignored(nil, let reason) = $0 { reason.contains("malformed") } else { false } }
            let unknown = try ARIEvent.decode(#"{"type":"CTIBridgeTestUnknownEvent","application":"ctibridge","timestamp":"2026-11-22T18:02:04.507+0000","channel":{}}"#)
            ivr.runner.handle(unknown)
            _ = try await ivr.waitForEvent { if case .ignored(nil, let reason) = $0 { reason.contains("CTIBridgeTestUnknownEvent") } else { false } }
            ivr.runner.handle(ARIEvent(
                type: "ChannelDtmfReceived", application: "ctibridge", timestamp: "2026-11-22T18:02:04.507+0000",
                payload: .channelDtmfReceived(ARIChannelDtmfReceived(digit: "X", durationMs: 100, channel: live))))
            _ = try await ivr.waitForEvent { if case .ignored(.some(channel), let reason) = $0 { reason.contains("'X'") } else { false } }
            // Events for channels the IVR does not run, and a finished playback nobody asked for.
            var stranger = live
            stranger.id = "no-such-channel"
            ivr.runner.handle(ARIEvent(
                type: "ChannelDtmfReceived", application: "ctibridge", timestamp: "2026-11-22T18:02:04.507+0000",
                payload: .channelDtmfReceived(ARIChannelDtmfReceived(digit: "1", durationMs: 100, channel: stranger))))
            ivr.runner.handle(ARIEvent(
                type: "PlaybackFinished", application: "ctibridge", timestamp: "2026-11-22T18:02:04.507+0000",
                payload: .playbackFinished(ARIPlaybackEvent(playback: ARIPlayback(id: "forged", mediaURI: "sound:x", targetURI: "channel:\(channel)", state: .failed)))))
            // The call is unharmed: still at the menu, and a real key still works.
            #expect(ivr.runner.activeChannels == [channel])
            try ivr.simulator.injectDTMF(channelID: channel, digits: "1")
            let (outcome, path) = try await ivr.waitForEnd(channel)
            #expect(outcome == .hungUp)
            #expect(!path.steps.contains { $0.event == .playbackFailed })
            #expect(path.steps.filter { if case .pressed = $0.event { true } else { false } }.count == 1)
        }
    }
}

@Suite struct ResyncTests {
    @Test func resyncEndsVanishedCallsKeepsLiveOnesAndSendsOrphansToTheFallback() async throws {
        let routes = IVRDNISRoutes(defaultFlowID: "swap")
        try await withIVR(flows: [try flow(versionedMenu("sound:menu-v1"))], routes: routes, mediaDuration: .seconds(30)) { ivr in
            let gone = try await ivr.call()
            let kept = try await ivr.call(number: "+84911111111")
            #expect(await ivr.waitForPlay(gone, "sound:menu-v1"))
            #expect(await ivr.waitForPlay(kept, "sound:menu-v1"))
            let application = try await ivr.rest.application("ctibridge")
            let keptChannel = try await ivr.rest.channel(kept)
            // As after a socket outage during which the first caller vanished: ARI lists only the second.
            ivr.runner.handle(.resynced(ARISnapshot(application: application, channels: [keptChannel], bridges: [], afterReconnect: true)))
            let resynced = try await ivr.waitForEvent { if case .resynced(_, let ended) = $0 { ended == [gone] } else { false } }
            #expect(resynced == .resynced(adopted: [kept], ended: [gone]))
            let (outcome, _) = try await ivr.waitForEnd(gone)
            #expect(outcome == .callerHungUp(nodeID: "menu"))
            // The kept call checked its prompt is still playing, and carries on.
            #expect(await ivr.simulator.requestLog.wait { $0.contains { $0.method == "GET" && $0.path.hasPrefix("playbacks/ivr-\(kept)-") } })
            try ivr.simulator.injectDTMF(channelID: kept, digits: "1")
            let (keptOutcome, _) = try await ivr.waitForEnd(kept)
            #expect(keptOutcome == .hungUp)

            // A fresh CTIBridge finds the first caller still in Stasis, answered, mid-flow: fallback.
            let restarted = IVRRunner(
                rest: ivr.rest, catalog: ivr.catalog, routes: routes, lookup: ivr.crm, handoff: ivr.handoffs, sink: ivr.outcomes,
                clock: ContinuousClock())
            let orphan = try await ivr.rest.channel(gone)
            restarted.handle(.resynced(ARISnapshot(application: application, channels: [orphan], bridges: [], afterReconnect: false)))
            #expect(await ivr.simulator.requestLog.wait { $0.contains { $0.path == "channels/\(gone)/continue" } })
            let resume = try #require(ivr.requests(gone).last)
            #expect(resume.first("context") == "ctibridge-fallback")
            #expect(restarted.activeChannels.isEmpty)
        }
    }
}
