import ARI
import AsteriskSimulator
import CTICore
import Telephony
import Testing

@Suite("ACD controller over ARI: callback in queue, transfer to one agent", .serialized)
struct ControllerCallbackTests {
    static let customer = "PJSIP/5551234@trunk"
    static let trunk: @Sendable (inout ACDControllerConfiguration) -> Void = { $0.callbackEndpoint = "PJSIP/{number}@trunk" }

    @Test("the caller hangs up and keeps their place; the agent answers first, then the customer is dialled into the agent's bridge")
    func callbackKeepsPlace() async throws {
        let engine = Site.one(queue: QueueConfiguration(id: "sales", ringTimeout: 5), agents: ["a1"])
        try await ControllerFixture.with(engine, prepare: Self.trunk) { fx in
            let first = try await fx.queueCaller("sales", number: "111")
            try await fx.controller.requestCallback(first.call, number: "5551234")
            #expect(await fx.log.next { if case .leftQueue(first.call, "sales", "callback") = $0 { true } else { nil } } == true)
            #expect(await eventually { fx.simulator.channel(first.channel) == nil }, "the caller's channel is hung up")
            #expect(await fx.controller.call(ofChannel: first.channel) == nil)
            let second = try await fx.queueCaller("sales", number: "222")
            #expect(second.position == 2, "the callback keeps its place ahead of later callers")
            #expect(await fx.controller.waitingCalls(in: "sales")?.map(\.id) == [first.call, second.call])

            // The customer's phone rings without answering: the agent waits alone in the call's bridge.
            fx.simulator.setEndpointBehaviour(.neverAnswer, for: Self.customer)
            try await fx.controller.login("a1")
            #expect(await fx.log.next { if case .offered("a1", let info, _) = $0 { info.id } else { nil } } == first.call)
            #expect(await eventually { fx.simulator.channelIDs(named: Self.customer).count == 1 }, "the customer is dialled")
            let customer = try #require(fx.simulator.channelIDs(named: Self.customer).first)
            #expect(await fx.controller.state(of: "a1") == .onCall(first.call))
            let bridge = try #require(await fx.controller.bridgeID(of: first.call))
            let inBridge = try #require(fx.simulator.channels(inBridge: bridge))
            #expect(inBridge.count == 1 && inBridge.first?.hasPrefix("acd-agent") == true, "only the agent is bridged while the customer rings")
            #expect(!fx.log.all.contains { if case .connected(first.call, _, _, _) = $0 { true } else { false } })
            #expect(await fx.controller.waitingCalls(in: "sales")?.map(\.id) == [second.call], "the second caller still waits")

            // Nobody answers the callback: the call ends, the agent's leg hangs up.
            try fx.simulator.hangUp(channelID: customer)
            #expect(await fx.log.next { if case .ended(first.call, "a1", .caller, _) = $0 { true } else { nil } } == true)
            #expect(await eventually { fx.simulator.channels(inBridge: bridge) == nil }, "the bridge is destroyed")
            #expect(try #require(await fx.connected(second.call)).agent == "a1", "then the agent takes the waiting caller")
            let statistics = try #require(await fx.controller.statistics(ofQueue: "sales"))
            #expect(statistics.callbacks == 1 && statistics.callbacksHandled == 1 && statistics.abandoned == 0)
        }
    }

    @Test("a callback whose customer answers is a recorded call of agent and customer; bad requests are refused")
    func callbackAnswered() async throws {
        let engine = Site.one(queue: QueueConfiguration(id: "sales", ringTimeout: 5), agents: ["a1"])
        try await ControllerFixture.with(engine, prepare: Self.trunk) { fx in
            let (caller, call, _) = try await fx.queueCaller("sales", number: "5551234")
            await #expect(throws: ACDControllerError.self) { try await fx.controller.requestCallback(CallID("nope")) }
            do {
                try await fx.controller.requestCallback(call, number: "")
                Issue.record("an empty number must be refused")
            } catch let error as ACDControllerError {
                #expect(error.code == .invalidState)
            }
            try await fx.controller.requestCallback(call)
            #expect(await eventually { fx.simulator.channel(caller) == nil })
            do {
                try await fx.controller.requestCallback(call)
                Issue.record("a call already awaiting its callback cannot ask again")
            } catch let error as ACDControllerError {
                #expect(error.code == .invalidState)
            }
            try await fx.controller.login("a1")
            let (agent, bridge, recording) = try #require(await fx.connected(call))
            #expect(agent == "a1")
            let members = try #require(fx.simulator.channels(inBridge: bridge))
            #expect(members.count == 2)
            let customer = try #require(members.first { !$0.hasPrefix("acd-agent") })
            #expect(fx.simulator.channel(customer)?.name.hasPrefix(Self.customer) == true, "the caller number is dialled")
            #expect(await fx.controller.call(ofChannel: customer) == call)
            let name = try #require(recording)
            #expect(fx.simulator.liveRecordings()[name] == "bridge:\(bridge)")
            try fx.simulator.hangUp(channelID: customer)
            #expect(await fx.log.next { if case .ended(call, "a1", .caller, _) = $0 { true } else { nil } } == true)
        }
    }

    @Test("a waiting caller presses * and is called back in their place; other keys, and * from a caller with no number, change nothing")
    func callbackKey() async throws {
        let engine = Site.one(queue: QueueConfiguration(id: "sales", ringTimeout: 5), agents: ["a1"])
        try await ControllerFixture.with(engine, prepare: Self.trunk) { fx in
            let first = try await fx.queueCaller("sales", number: "5551234")
            let anonymous = try await fx.queueCaller("sales", number: "")
            try fx.simulator.injectDTMF(channelID: first.channel, digits: "1#")
            try fx.simulator.injectDTMF(channelID: anonymous.channel, digits: "*")
            try fx.simulator.injectDTMF(channelID: first.channel, digits: "*")
            #expect(await fx.log.next { if case .leftQueue(first.call, "sales", "callback") = $0 { true } else { nil } } == true)
            #expect(await eventually { fx.simulator.channel(first.channel) == nil }, "the caller's channel is hung up")
            #expect(fx.simulator.channel(anonymous.channel) != nil, "a caller with no number to call back keeps waiting")
            let waiting = try #require(await fx.controller.waitingCalls(in: "sales"))
            #expect(waiting.map(\.id) == [first.call, anonymous.call], "the callback keeps its place")
            #expect(waiting.first?.isCallback == true && waiting.last?.isCallback == false)
            #expect(!fx.log.all.contains { if case .abandoned = $0 { true } else { false } })

            try await fx.controller.login("a1")
            let (agent, bridge, _) = try #require(await fx.connected(first.call))
            #expect(agent == "a1")
            let members = try #require(fx.simulator.channels(inBridge: bridge))
            #expect(members.contains { fx.simulator.channel($0)?.name.hasPrefix(Self.customer) == true }, "the caller's number is dialled")
        }
    }

    @Test("a callback in a queue whose calls are not recorded is connected without a recording")
    func callbackFollowsRecordingPolicy() async throws {
        let engine = Site.one(queue: QueueConfiguration(id: "sales", ringTimeout: 5), agents: ["a1"])
        try await ControllerFixture.with(engine, prepare: {
            Self.trunk(&$0)
            $0.recordingPolicy = RecordingPolicy(defaultMode: .all, queues: ["sales": .none])
        }) { fx in
            let (_, call, _) = try await fx.queueCaller("sales", number: "5551234")
            try await fx.controller.requestCallback(call)
            try await fx.controller.login("a1")
            let (_, bridge, recording) = try #require(await fx.connected(call))
            #expect(recording == nil)
            #expect(!fx.simulator.liveRecordings().values.contains("bridge:\(bridge)"))
        }
    }

    @Test("a routing step's timeout turns the waiting caller into a callback that keeps its place")
    func stepTimeoutCallback() async throws {
        let queue = QueueConfiguration(id: "sales", routingSteps: [RoutingStep(timeout: 0.3, onTimeout: .callback)])
        try await ControllerFixture.with(Site.one(queue: queue, agents: ["a1"]), prepare: Self.trunk) { fx in
            let (caller, call, _) = try await fx.queueCaller("sales", number: "5551234")
            #expect(await fx.log.next { if case .leftQueue(call, "sales", "callback") = $0 { true } else { nil } } == true)
            #expect(await eventually { fx.simulator.channel(caller) == nil })
            #expect(!fx.log.all.contains { if case .abandoned = $0 { true } else { false } })
            try await fx.controller.login("a1")
            #expect(try #require(await fx.connected(call)).agent == "a1")
        }
    }

    @Test("transfer to one agent rings that agent directly, whatever the strategy; a busy agent is refused with the reason")
    func transferToAgent() async throws {
        let engine = ACDConfiguration(
            queues: [QueueConfiguration(id: "sales", ringTimeout: 5), QueueConfiguration(id: "support", strategy: .linear, ringTimeout: 5, wrapUp: 60)],
            agents: Site.agents(["a1"], in: ["sales"]) + Site.agents(["a2", "a3"], in: ["support"]))
        try await ControllerFixture.with(engine) { fx in
            try await fx.controller.login("a1")
            let (caller, call, _) = try await fx.queueCaller("sales")
            #expect(try #require(await fx.connected(call)).agent == "a1")

            // a2 is logged out, then paused: refused, and the call stays with a1.
            for (prepare, reason) in [(nil, "logged out"), ("a2", "paused (training)")] as [(AgentID?, String)] {
                if let agent = prepare {
                    try await fx.controller.login(agent)
                    try await fx.controller.pause(agent, reason: "training")
                }
                do {
                    try await fx.controller.transfer(call, to: .agent("a2"))
                    Issue.record("transfer to an unavailable agent must fail")
                } catch let error as ACDControllerError {
                    #expect(error.code == .agentUnavailable)
                    #expect(error.message.contains(reason), "\(error.message)")
                }
                #expect(await fx.controller.agent(of: call) == "a1")
            }
            do {
                try await fx.controller.transfer(call, to: .agent("a1"))
                Issue.record("a1 is on this very call")
            } catch let error as ACDControllerError {
                #expect(error.code == .agentUnavailable && error.message.contains("on a call"))
            }
            await #expect(throws: ACDControllerError.self) { try await fx.controller.transfer(call, to: .agent("ghost")) }

            // Linear would ring a2 first; the transfer to a3 rings a3 alone.
            try await fx.controller.ready("a2")
            try await fx.controller.login("a3")
            try await fx.controller.transfer(call, to: .agent("a3"))
            let second = CallID("\(caller)~t1")
            let offered = await fx.log.next { if case .offered(let agent, let info, _) = $0, info.id == second { agent } else { nil } }
            #expect(offered == "a3")
            #expect(try #require(await fx.connected(second)).agent == "a3")
            #expect(!fx.log.all.contains { if case .offered("a2", let info, _) = $0 { info.id == second } else { false } })
            #expect(await fx.controller.state(of: "a2") == .ready)
        }
    }
}
