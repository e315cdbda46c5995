import ARI
import AsteriskSimulator
import CTICore
import Telephony
import Testing

@Suite("ACD controller over ARI: call flows", .serialized)
struct ControllerCallFlowTests {
    @Test("queued → offered → answered → recorded mixing bridge → agent hang-up → wrap-up → ready")
    func answeredCall() async throws {
        let engine = Site.one(queue: QueueConfiguration(id: "sales", ringTimeout: 3, wrapUp: 0.4), agents: ["a1"])
        try await ControllerFixture.with(engine) { fx in
            try await fx.controller.login("a1")
            let (caller, call, position) = try await fx.queueCaller("sales")
            #expect(position == 1)
            let offered = await fx.log.next { event in
                if case .offered("a1", let info, let wait) = event { (info, wait) } else { nil }
            }
            let (info, wait) = try #require(offered)
            #expect(info.id == call && info.channelID == caller && info.queue == "sales")
            #expect(info.callerNumber == "+84987654321" && info.dnis == "7000" && info.customerID == "cust-42")
            #expect(info.ivrPath == ["welcome", "menu:1"] && info.variables == ["account": "A-100"])
            #expect(wait >= 0 && wait < 15, "queued a moment ago; a busy machine may take a few seconds")
            let (agent, bridge, recording) = try #require(await fx.connected(call))
            #expect(agent == "a1")
            #expect(fx.simulator.bridgeType(bridge) == "mixing")
            let members = try #require(fx.simulator.channels(inBridge: bridge))
            #expect(members.count == 2 && members.contains(caller))
            let leg = try #require(fx.agentLeg(of: call, bridge: bridge))
            #expect(fx.simulator.channel(leg)?.name.hasPrefix("PJSIP/1001") == true)
            let name = try #require(recording)
            #expect(fx.simulator.liveRecordings()[name] == "bridge:\(bridge)")
            #expect(fx.simulator.channels(inBridge: "acd-hold-sales") == [])
            #expect(await fx.controller.state(of: "a1") == .onCall(call))

            try fx.simulator.hangUp(channelID: leg)
            let ended = await fx.log.next { event in
                if case .ended(call, "a1", let party, let talk) = event { (party, talk) } else { nil }
            }
            #expect(ended?.0 == .agent)
            #expect(await fx.log.next { if case .wrapUp("a1", "sales", _) = $0 { true } else { nil } } == true)
            #expect(fx.simulator.channel(caller) == nil, "the caller is released when the agent hangs up")
            #expect(fx.simulator.liveRecordings().isEmpty, "the recording finished with the bridge")
            let stored = try await fx.rest.storedRecordings().map(\.name)
            #expect(stored.contains(name))
            #expect(await fx.log.until { events in
                guard let wrap = events.firstIndex(where: { if case .wrapUp = $0 { true } else { false } }) else { return false }
                return events[wrap...].contains { $0 == .agentState("a1", .ready) }
            })
            let statistics = try #require(await fx.controller.statistics(ofQueue: "sales"))
            #expect(statistics.answered == 1 && statistics.handled == 1)
        }
    }

    @Test("a phone that never answers is abandoned at the ring timeout, auto-paused, and the next agent gets the call")
    func ringNoAnswer() async throws {
        let queue = QueueConfiguration(id: "sales", strategy: .linear, ringTimeout: 2, autoPause: .yes, autoPauseAfterMisses: 1)
        try await ControllerFixture.with(Site.one(queue: queue, agents: ["a1", "a2"])) { fx in
            fx.simulator.setEndpointBehaviour(.neverAnswer, for: "PJSIP/1001")
            try await fx.controller.login("a1")
            try await fx.controller.login("a2")
            let (_, call, _) = try await fx.queueCaller("sales")
            #expect(await fx.log.next { if case .offered("a1", _, _) = $0 { true } else { nil } } == true)
            let paused = await fx.log.next { if case .autoPaused("a1", let queues, _) = $0 { queues } else { nil } }
            #expect(paused == ["sales"])
            #expect(await fx.log.next { if case .offered("a2", let info, _) = $0 { info.id } else { nil } } == call)
            let connected = try #require(await fx.connected(call))
            #expect(connected.agent == "a2")
            if case .paused = await fx.controller.state(of: "a1") {} else { Issue.record("a1 should be paused") }
            #expect(fx.simulator.channelIDs(named: "PJSIP/1001").isEmpty, "the unanswered leg was hung up")
            try await fx.controller.unpause("a1")
            #expect(await fx.controller.state(of: "a1") == .ready)
        }
    }

    @Test("ringall rings every free agent; the first to answer gets the call and the other phones stop")
    func ringAll() async throws {
        let queue = QueueConfiguration(id: "sales", strategy: .ringAll, ringTimeout: 10)
        try await ControllerFixture.with(Site.one(queue: queue, agents: ["a1", "a2"])) { fx in
            fx.simulator.setEndpointBehaviour(.neverAnswer, for: "PJSIP/1001")
            try await fx.controller.login("a1")
            try await fx.controller.login("a2")
            let (_, call, _) = try await fx.queueCaller("sales")
            #expect(await fx.log.until { events in
                Set(events.compactMap { event -> AgentID? in if case .offered(let agent, _, _) = event { agent } else { nil } }) == Set<AgentID>(["a1", "a2"])
            })
            #expect(try #require(await fx.connected(call)).agent == "a2")
            #expect(await eventually { fx.simulator.channelIDs(named: "PJSIP/1001").isEmpty }, "a1's phone stopped ringing")
            #expect(await fx.controller.state(of: "a1") == .ready)
            #expect(await fx.log.until { events in
                events.last { if case .agentState("a1", _) = $0 { true } else { false } } == .agentState("a1", .ready)
            }, "the desktops and wallboard hear that a1 is ready again")
            #expect(!fx.log.all.contains { if case .offerMissed = $0 { true } else { false } }, "losing a ringall race is no miss")
        }
    }

    @Test("a busy phone is a miss: the offer moves on at once")
    func busyPhone() async throws {
        let queue = QueueConfiguration(id: "sales", strategy: .linear, ringTimeout: 10)
        try await ControllerFixture.with(Site.one(queue: queue, agents: ["a1", "a2"])) { fx in
            fx.simulator.setEndpointBehaviour(.busy, for: "PJSIP/1001")
            try await fx.controller.login("a1")
            try await fx.controller.login("a2")
            let (_, call, _) = try await fx.queueCaller("sales")
            #expect(await fx.log.next { if case .offerMissed("a1", let missed) = $0 { missed } else { nil } } == call)
            let connected = try #require(await fx.connected(call))
            #expect(connected.agent == "a2")
        }
    }

    @Test("a caller who hangs up while waiting abandons; they heard position and expected wait meanwhile")
    func abandonWhileWaiting() async throws {
        let queue = QueueConfiguration(id: "sales", ringTimeout: 5)
        try await ControllerFixture.with(Site.one(queue: queue, agents: ["a1"]), announce: 0.15) { fx in
            let first = try await fx.queueCaller("sales", number: "111")
            let second = try await fx.queueCaller("sales", number: "222")
            #expect(first.position == 1 && second.position == 2)
            #expect(fx.simulator.bridgeType("acd-hold-sales") == "holding")
            #expect(fx.simulator.mohClass(ofBridge: "acd-hold-sales") == "default")
            #expect(Set(fx.simulator.channels(inBridge: "acd-hold-sales") ?? []) == [first.channel, second.channel])
            let announced = await fx.log.next { if case .announced(second.call, let position, let wait) = $0 { (position, wait) } else { nil } }
            #expect(announced?.0 == 2 && announced?.1 == 360, "two callers ahead of one assumed 180 s handle time, no agent staffed")
            try fx.simulator.hangUp(channelID: first.channel)
            let abandoned = await fx.log.next { if case .abandoned(first.call, "sales", let wait) = $0 { wait } else { nil } }
            #expect((abandoned ?? 0) > 0.1)
            #expect(fx.simulator.channels(inBridge: "acd-hold-sales") == [second.channel])
            #expect(await fx.controller.waitingCalls(in: "sales")?.map(\.id) == [second.call])
            #expect(await fx.log.next { if case .announced(second.call, 1, _) = $0 { true } else { nil } } == true)
            #expect(await fx.controller.statistics(ofQueue: "sales")?.abandoned == 1)
        }
    }

    @Test("a caller nobody takes overflows to the other queue's holding bridge and is answered there")
    func overflow() async throws {
        let engine = ACDConfiguration(
            queues: [
                QueueConfiguration(id: "sales", ringTimeout: 5, overflow: .init(to: "support", after: 0.3)),
                QueueConfiguration(id: "support", ringTimeout: 5),
            ],
            agents: Site.agents(["a1"], in: ["sales"]) + Site.agents(["a2"], in: ["support"]))
        try await ControllerFixture.with(engine) { fx in
            try await fx.controller.login("a1")
            try await fx.controller.pause("a1", reason: "lunch")
            let (caller, call, _) = try await fx.queueCaller("sales")
            let moved = await fx.log.next { if case .overflowed(call, let from, let to) = $0 { (from, to) } else { nil } }
            #expect(moved?.0 == "sales" && moved?.1 == "support")
            #expect(fx.simulator.channels(inBridge: "acd-hold-support") == [caller])
            try await fx.controller.login("a2")
            let connected = try #require(await fx.connected(call))
            #expect(connected.agent == "a2")
        }
    }
}
