import CTICore
import Foundation
import Testing

@Suite("IVR engine: hang-ups, failed playbacks, odd event order")
struct IVREngineLifecycleTests {
    @Test("caller hangs up mid-prompt: the timers are cancelled and nothing more is decided")
    func hangUpMidPrompt() throws {
        var call = CallDriver(try validFlow(menuFlowJSON))
        call.start()
        let welcome = try #require(call.playing)
        call.send(.playbackStarted(welcome.id))
        call.playPrompt()
        #expect(call.timer(.playbackStart) != nil)
        let decisions = call.send(.hangUp)
        #expect(decisions.allSatisfy { if case .cancelTimer = $0 { true } else { false } })
        #expect(!decisions.isEmpty)
        #expect(call.timers.isEmpty)
        #expect(call.engine.outcome == .callerHungUp(nodeID: "legal"))
        #expect(call.engine.path.steps.last?.event == .callerHungUp)
        for event: IVREvent in [.digit(DTMFDigit("1")!), .playbackFinished(welcome.id), .timerFired(IVRTimerID(rawValue: 1)), .hangUp] {
            #expect(call.send(event).isEmpty)
        }
    }

    @Test("caller hangs up while typing digits: first-digit, inter-digit and overall timers are all cancelled")
    func hangUpDuringEntry() throws {
        var call = CallDriver(try IVREngineCollectTests.flow())
        call.start()
        call.playPrompt()
        call.press("12")
        #expect(Set(call.timers.values.map(\.kind)) == [.overall, .interDigit])
        call.send(.hangUp)
        #expect(call.timers.isEmpty)
    }

    @Test("a failed playback does not strand the caller: the flow goes on as if it had played")
    func failedPlayback() throws {
        var call = CallDriver(try validFlow(menuFlowJSON))
        call.start()
        let welcome = try #require(call.playing)
        call.send(.playbackStarted(welcome.id))
        let next = call.send(.playbackFailed(welcome.id))
        #expect(next.media == [["sound:recorded-for-quality"]])
        #expect(call.engine.path.steps.contains { $0.nodeID == "welcome" && $0.event == .playbackFailed })
    }

    @Test("a failed menu prompt still waits for a digit")
    func failedMenuPrompt() throws {
        var call = CallDriver(try validFlow(menuFlowJSON))
        call.start()
        call.playPrompt()
        call.playPrompt()
        let menu = try #require(call.playing)
        call.send(.playbackFailed(menu.id))
        #expect(call.timer(.firstDigit) != nil)
        #expect(call.press("1").enqueue?.queue == "sales")
    }

    @Test("a playback that never starts times out: it is stopped in case it starts late, and the flow goes on")
    func playbackStartTimeout() throws {
        var call = CallDriver(try validFlow(menuFlowJSON))
        call.start()
        let welcome = try #require(call.playing)
        let decisions = call.fire(.playbackStart)
        #expect(decisions.first == .stopPlayback(welcome.id))
        #expect(decisions.media == [["sound:recorded-for-quality"]])
        // The late events for the abandoned playback change nothing.
        #expect(call.send(.playbackStarted(welcome.id)).isEmpty)
        #expect(call.send(.playbackFinished(welcome.id)).isEmpty)
        #expect(call.engine.currentNodeID == "legal")
    }

    @Test("events before the call starts, and a second start, are ignored")
    func eventOrder() throws {
        var call = CallDriver(try validFlow(menuFlowJSON))
        #expect(call.send(.digit(DTMFDigit("1")!)).isEmpty)
        #expect(call.send(.hangUp).isEmpty)
        #expect(call.start().first == .answer)
        #expect(call.start().isEmpty)
        #expect(call.send(.playbackFinished(IVRPlaybackID(rawValue: 999))).isEmpty)
    }

    @Test("ids are unique within a call and timers carry the configured durations")
    func identifiers() throws {
        var call = CallDriver(try validFlow(menuFlowJSON))
        call.start()
        call.playPrompt()
        call.playPrompt()
        call.playPrompt()
        call.press("5")
        let playbackIDs = call.log.compactMap(\.playback).map(\.id.rawValue)
        let timerIDs = call.log.compactMap(\.startedTimer).map(\.id.rawValue)
        #expect(Set(playbackIDs + timerIDs).count == playbackIDs.count + timerIDs.count)
    }

    @Test("many steps reuse one decision buffer")
    func reusedBuffer() throws {
        let flow = try validFlow(menuFlowJSON)
        var decisions: [IVRDecision] = []
        decisions.reserveCapacity(16)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var completed = 0
        for n in 0..<200 {
            var engine = IVREngine(flow: flow)
            decisions.removeAll(keepingCapacity: true)
            engine.handle(.callStarted(IVRCallInfo(channelID: "c\(n)", callerID: "1", dnis: "7000")), at: now, into: &decisions)
            for _ in 0..<2 {  // welcome, legal notice
                guard let playback = decisions.lazy.compactMap(\.playback).last else { break }
                decisions.removeAll(keepingCapacity: true)
                engine.handle(.playbackFinished(playback.id), at: now, into: &decisions)
            }
            decisions.removeAll(keepingCapacity: true)
            engine.handle(.digit(DTMFDigit("1")!), at: now, into: &decisions)  // barge into the menu
            if engine.outcome == .enqueued(queue: "sales") { completed += 1 }
        }
        #expect(completed == 200)
    }
}
