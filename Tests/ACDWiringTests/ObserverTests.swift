import AMI
import AsteriskSimulator
import CTICore
import Telephony
import Testing

@Suite("ACD observer over AMI: app_queue calls from the simulator", .serialized)
struct ObserverTests {
    @Test("join → called → connect → agent hangs up → complete, with the caller's details and app_queue's times")
    func answeredCall() async throws {
        try await ObserverFixture.with { fx in
            fx.originateCaller("a")
            let queued = await fx.log.next { if case .queued(let info, let position) = $0, info.id == "a" { (info, position) } else { nil } }
            let (info, position) = try #require(queued)
            #expect(position == 1 && info.queue == "support" && info.callerNumber == "0912345678" && info.callerName == "Nguyen Van A")
            let offered = await fx.log.next { event -> AgentID? in if case .offered(let agent, let call, _) = event, call.id == "a" { agent } else { nil } }
            #expect(offered == "Alice")
            #expect(await fx.log.next { if case .agentState("Alice", .offered("a")) = $0 { true } else { nil } } == true)
            await fx.advance(seconds: 1)
            #expect(await fx.log.next { event -> AgentID? in if case .connected("a", let agent, nil, nil) = event { agent } else { nil } } == "Alice")
            #expect(await fx.observer.state.agentStates["Alice"] == .onCall("a"))
            await fx.advance(seconds: 20)
            let hungUp = fx.simulator.perform { pbx, _ -> Bool in
                guard let leg = pbx.calls["a"]?.agentLeg, let far = pbx.channels[leg]?.partnerID else { return false }
                return pbx.hangup(far)
            }
            #expect(hungUp)
            let ended = await fx.log.next { if case .ended("a", "Alice", let party, let talk) = $0 { (party, talk) } else { nil } }
            #expect(ended?.0 == .agent && ended?.1 == 20)
            #expect(await fx.log.until { events in
                guard let end = events.firstIndex(where: { if case .ended = $0 { true } else { false } }) else { return false }
                return events[end...].contains(.agentState("Alice", .ready))
            })
            #expect(await fx.observer.state.callers["a"] == nil)
        }
    }

    @Test("QueuePause through AMI pauses members (QueueMemberPause), a waiting caller abandons with HoldTime in seconds")
    func pauseAndAbandon() async throws {
        try await ObserverFixture.with { fx in
            try await fx.observer.pause(interface: "Local/1001@agents/n", paused: true, reason: "lunch")
            try await fx.observer.pause(interface: "Local/1002@agents/n", paused: true, reason: "meeting", queue: "support")
            #expect(await fx.log.next { if case .agentState("Alice", .paused(reason: "lunch")) = $0 { true } else { nil } } == true)
            #expect(await fx.log.next { if case .agentState("Bob", .paused(reason: "meeting")) = $0 { true } else { nil } } == true)
            fx.originateCaller("b")
            #expect(await fx.log.next { if case .queued(let info, 1) = $0, info.id == "b" { true } else { nil } } == true)
            await fx.advance(seconds: 7)
            fx.simulator.perform { pbx, _ in _ = pbx.hangup("b") }
            let wait = await fx.log.next { if case .abandoned("b", "support", let wait) = $0 { wait } else { nil } }
            #expect(wait == 7)
            #expect(!fx.log.all.contains { if case .offered = $0 { true } else { false } })

            try await fx.observer.pause(interface: "Local/1001@agents/n", paused: false)
            #expect(await fx.log.next { if case .agentState("Alice", .ready) = $0 { true } else { nil } } == true)
            do {
                try await fx.observer.pause(interface: "Local/9999@agents/n", paused: true)
                Issue.record("pausing an unknown interface must fail")
            } catch let error as AppQueueObserverError {
                #expect(error.amiCode == .actionFailed)
            }
            await #expect(throws: AppQueueObserverError.self) { try await fx.observer.pause(interface: "", paused: true) }
        }
    }

    @Test("a member who does not answer is reported as a missed offer and the call goes to the next member")
    func ringNoAnswer() async throws {
        try await ObserverFixture.with(noAnswer: 1) { fx in
            fx.originateCaller("c")
            #expect(await fx.log.next { if case .offered("Alice", let info, _) = $0, info.id == "c" { true } else { nil } } == true)
            await fx.advance(seconds: 15)
            #expect(await fx.log.next { if case .offerMissed("Alice", "c") = $0 { true } else { nil } } == true)
            await fx.advance(seconds: 2)
            let next = await fx.log.next { if case .offered("Bob", let info, let wait) = $0, info.id == "c" { wait } else { nil } }
            #expect(next == 17)
        }
    }
}
