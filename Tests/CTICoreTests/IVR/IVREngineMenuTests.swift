import CTICore
import Foundation
import Testing

/// welcome (barge-in) → menu: 1 sales, 2 support; 2 retries then the operator.
let menuFlowJSON = """
{
  "id": "menu-test", "start": "welcome",
  "nodes": [
    { "id": "welcome", "type": "play", "prompts": ["sound:welcome"], "next": "legal" },
    { "id": "legal", "type": "play", "prompts": ["sound:recorded-for-quality"], "bargeIn": false, "next": "main" },
    { "id": "main", "type": "menu", "prompts": ["sound:main-menu", "sound:press-1-or-2"],
      "options": { "1": "sales", "2": "support" }, "timeout": 5, "maxRetries": 2,
      "invalidPrompts": ["sound:invalid"], "timeoutPrompts": ["sound:no-input"], "fallback": "operator" },
    { "id": "sales", "type": "queue", "queue": "sales", "skills": { "sales": 3 }, "priority": 1 },
    { "id": "support", "type": "queue", "queue": "support" },
    { "id": "operator", "type": "transfer", "extension": "1000", "context": "agents" }
  ]
}
"""

@Suite("IVR engine: prompts and menus")
struct IVREngineMenuTests {
    @Test("a new call is answered and hears the first prompt, guarded by a playback-start timer")
    func answerAndPrompt() throws {
        var call = CallDriver(try validFlow(menuFlowJSON))
        let decisions = call.start()
        #expect(decisions.first == .answer)
        #expect(decisions.media == [["sound:welcome"]])
        #expect(decisions.compactMap(\.startedTimer).map(\.kind) == [.playbackStart])
        #expect(decisions.compactMap(\.startedTimer).first?.duration == .seconds(2))
        #expect(call.engine.currentNodeID == "welcome")

        let started = call.send(.playbackStarted(call.playing!.id))
        #expect(started.count == 1)
        guard case .cancelTimer = started.first else { Issue.record("expected the start timer cancelled"); return }
    }

    @Test("prompts play in order and the menu waits for a digit with its first-digit timer")
    func menuWaits() throws {
        var call = CallDriver(try validFlow(menuFlowJSON))
        call.start()
        #expect(call.playPrompt().media == [["sound:recorded-for-quality"]])
        let menu = call.playPrompt()
        #expect(menu.media == [["sound:main-menu", "sound:press-1-or-2"]])
        #expect(menu.first?.playback?.language == "en")
        let waiting = call.playPrompt()
        #expect(waiting.compactMap(\.startedTimer).map(\.kind) == [.firstDigit])
        #expect(call.timer(.firstDigit)?.duration == .seconds(5))
        let routed = call.press("2")
        #expect(routed.enqueue?.queue == "support")
        #expect(call.engine.outcome == .enqueued(queue: "support"))
        #expect(call.timers.isEmpty)
    }

    @Test("barge-in: the first digit stops the menu prompt and routes at once")
    func bargeIn() throws {
        var call = CallDriver(try validFlow(menuFlowJSON))
        call.start()
        call.playPrompt()
        call.playPrompt()
        let menuPlayback = try #require(call.playing)
        call.send(.playbackStarted(menuPlayback.id))
        let decisions = call.press("1")
        #expect(decisions.first == .stopPlayback(menuPlayback.id))
        let request = try #require(decisions.enqueue)
        #expect(request.queue == "sales")
        #expect(request.skills == ["sales": 3])
        #expect(request.priority == 1)
        // Asterisk still reports the stopped playback; nothing more happens.
        #expect(call.send(.playbackFinished(menuPlayback.id)).isEmpty)
    }

    @Test("a digit during a barge-in prompt skips it and is kept for the menu (type-ahead)")
    func typeAhead() throws {
        var call = CallDriver(try validFlow(menuFlowJSON.replacingOccurrences(of: "\"bargeIn\": false", with: "\"bargeIn\": true")))
        call.start()
        let welcome = try #require(call.playing)
        let decisions = call.press("2")
        #expect(decisions.contains(.stopPlayback(welcome.id)))
        // The legal notice is skipped (the caller pressed ahead), and the menu takes the digit without playing.
        #expect(decisions.media.isEmpty)
        #expect(decisions.enqueue?.queue == "support")
    }

    @Test("digits during a prompt without barge-in are ignored and discarded")
    func noBargeIn() throws {
        var call = CallDriver(try validFlow(menuFlowJSON))
        call.start()
        call.playPrompt()
        let legal = try #require(call.playing)
        #expect(call.press("1").isEmpty)
        #expect(call.playing == legal)
        let menu = call.playPrompt()
        #expect(menu.media == [["sound:main-menu", "sound:press-1-or-2"]])
        #expect(call.engine.outcome == nil)
    }

    @Test("no input: the timeout prompt plus the menu again, then the fallback after the retries")
    func timeoutRetriesThenFallback() throws {
        var call = CallDriver(try validFlow(menuFlowJSON))
        call.start()
        call.playPrompt()
        call.playPrompt()
        call.playPrompt()
        #expect(call.fire(.firstDigit).media == [["sound:no-input", "sound:main-menu", "sound:press-1-or-2"]])
        call.playPrompt()
        #expect(call.fire(.firstDigit).media == [["sound:no-input", "sound:main-menu", "sound:press-1-or-2"]])
        call.playPrompt()
        let last = call.fire(.firstDigit)
        #expect(last.media.isEmpty)
        guard case .transfer(let transfer) = last.last else { Issue.record("expected a transfer, got \(last)"); return }
        #expect(transfer.extension == "1000")
        #expect(transfer.context == "agents")
        #expect(call.engine.path.steps.filter { $0.event == .noInput }.count == 3)
        #expect(call.engine.path.steps.contains { $0.nodeID == "main" && $0.event == .retriesExhausted })
    }

    @Test("invalid digit: the invalid prompt plus the menu, and a valid digit on the retry routes")
    func invalidThenValid() throws {
        var call = CallDriver(try validFlow(menuFlowJSON))
        call.start()
        call.playPrompt()
        call.playPrompt()
        call.playPrompt()
        let retry = call.press("7")
        #expect(retry.media == [["sound:invalid", "sound:main-menu", "sound:press-1-or-2"]])
        #expect(call.timer(.firstDigit) == nil)
        let routed = call.press("1")
        #expect(routed.enqueue?.queue == "sales")
        #expect(call.engine.path.steps.contains { $0.event == .invalidInput(digits: "7") })
        #expect(call.engine.path.steps.contains { $0.event == .pressed(digits: "1") })
    }

    @Test("invalid and no input count together toward the retry limit")
    func mixedFailures() throws {
        var call = CallDriver(try validFlow(menuFlowJSON))
        call.start()
        call.playPrompt()
        call.playPrompt()
        call.press("9")
        call.playPrompt()
        call.fire(.firstDigit)
        call.playPrompt()
        let last = call.press("#")
        guard case .transfer = last.last else { Issue.record("expected the fallback transfer, got \(last)"); return }
    }

    @Test("a timer that was cancelled and then reported fired is ignored")
    func staleTimer() throws {
        var call = CallDriver(try validFlow(menuFlowJSON))
        call.start()
        call.playPrompt()
        call.playPrompt()
        call.playPrompt()
        let timer = try #require(call.timer(.firstDigit))
        call.press("8")  // invalid: the first-digit timer is cancelled, the menu replays
        #expect(call.send(.timerFired(timer.id)).isEmpty)
        #expect(call.engine.path.steps.filter { $0.event == .noInput }.isEmpty)
    }
}
