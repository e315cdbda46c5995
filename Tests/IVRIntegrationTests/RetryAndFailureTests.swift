import ARI
import AsteriskSimulator
import CTICore
import Foundation
import Telephony
import Testing

/// A short-timeout menu: invalid keys and silence are retried, then the fallback queue.
let quickMenu = """
{
  "id": "quick", "start": "greeting",
  "settings": { "playbackStartTimeout": 2 },
  "nodes": [
    { "id": "greeting", "type": "play", "prompts": ["sound:no-such-greeting"], "next": "menu" },
    {
      "id": "menu", "type": "menu", "prompts": ["sound:quick-menu"],
      "options": { "1": "sales" }, "timeout": 0.3, "maxRetries": 2,
      "invalidPrompts": ["sound:invalid-option"], "timeoutPrompts": ["sound:no-input"],
      "fallback": "support"
    },
    { "id": "sales", "type": "queue", "queue": "sales" },
    { "id": "support", "type": "queue", "queue": "support", "priority": 5 }
  ]
}
"""

@Suite struct RetryAndFailureTests {
    let routes = IVRDNISRoutes(["7100": "quick"])

    @Test func invalidThenSilenceUsesTheRetriesThenTheFallback() async throws {
        try await withIVR(flows: [try flow(quickMenu)], routes: routes) { ivr in
            let channel = try await ivr.call(dnis: "7100")
            #expect(await ivr.waitForPlay(channel, "sound:quick-menu"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "7")
            let (outcome, path) = try await ivr.waitForEnd(channel)
            #expect(outcome == .enqueued(queue: "support"))
            let events = path.steps.filter { $0.nodeID == "menu" }.map(\.event)
            #expect(events.contains(.invalidInput(digits: "7")))
            #expect(events.contains(.noInput))
            #expect(events.contains(.retriesExhausted))
            let played = ivr.played(channel)
            // The retry prompt and the menu again play as one playback.
            #expect(played.contains(["sound:invalid-option", "sound:quick-menu"]))
            #expect(played.contains(["sound:no-input", "sound:quick-menu"]))
            #expect(played.filter { $0.last == "sound:quick-menu" }.count == 3)
            #expect(ivr.handoffs.all.first?.priority == 5)
        }
    }

    @Test func failedPlaybackDoesNotStrandTheCaller() async throws {
        try await withIVR(flows: [try flow(quickMenu)], routes: routes) { ivr in
            let channel = try await ivr.call(dnis: "7100")
            // The greeting's sound is missing: Asterisk says 201, then PlaybackFinished "failed".
            #expect(await ivr.waitForPlay(channel, "sound:quick-menu"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "1")
            let (outcome, path) = try await ivr.waitForEnd(channel)
            #expect(outcome == .enqueued(queue: "sales"))
            #expect(path.steps.contains { $0.nodeID == "greeting" && $0.event == .playbackFailed })
        }
    }

    @Test func acdRefusingTheCallSendsItToTheDialplanFallback() async throws {
        try await withIVR(flows: [try flow(quickMenu)], routes: routes, handoff: HandoffRecorder(failing: true)) { ivr in
            let channel = try await ivr.call(dnis: "7100")
            #expect(await ivr.waitForPlay(channel, "sound:quick-menu"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "1")
            _ = try await ivr.waitForEnd(channel)
            #expect(await ivr.simulator.requestLog.wait { $0.contains { $0.path == "channels/\(channel)/continue" } })
            let last = try #require(ivr.requests(channel).last)
            #expect(last.first("context") == "ctibridge-fallback")
            #expect(ivr.simulator.channelsInStasis(application: "ctibridge").isEmpty)
        }
    }

    @Test func crmFailureTakesTheNotFoundBranch() async throws {
        try await withIVR(flows: [try sampleFlow("main-menu")], routes: IVRDNISRoutes(["7000": "main-menu"]), lookup: BrokenCRM()) { ivr in
            let channel = try await ivr.call()
            #expect(await ivr.waitForPlay(channel, "sound:press-1-english"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "1")
            #expect(await ivr.waitForPlay(channel, "sound:main-menu"))
            try ivr.simulator.injectDTMF(channelID: channel, digits: "1")
            let (_, path) = try await ivr.waitForEnd(channel)
            #expect(path.steps.contains { if case .lookup(result: "failed", customerID: nil) = $0.event { true } else { false } })
            #expect(path.customer == nil)
        }
    }

    @Test func callerHangingUpMidPromptCancelsTimersAndStopsRequests() async throws {
        try await withIVR(flows: [try flow(quickMenu)], routes: routes, mediaDuration: .seconds(2)) { ivr in
            let channel = try await ivr.call(dnis: "7100")
            // The greeting fails at once; the menu prompt is long.
            #expect(await ivr.waitForPlay(channel, "sound:quick-menu"))
            try ivr.simulator.hangUp(channelID: channel)
            let (outcome, path) = try await ivr.waitForEnd(channel)
            #expect(outcome == .callerHungUp(nodeID: "menu"))
            #expect(path.steps.last?.event == .callerHungUp)
            let after = ivr.requests(channel).count
            #expect(ivr.runner.activeTimerCount == 0)
            #expect(ivr.runner.activeChannels.isEmpty)
            // Longer than the playback-start guard and the menu timeout: nothing more is asked.
            try await Task.sleep(for: .milliseconds(2_500))
            #expect(ivr.requests(channel).count == after)
            #expect(ivr.handoffs.all.isEmpty)
        }
    }
}
