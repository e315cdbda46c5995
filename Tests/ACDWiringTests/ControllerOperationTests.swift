import ARI
import AsteriskSimulator
import CTICore
import Telephony
import Testing

@Suite("ACD controller over ARI: transfer, hold, supervision, agent operations, bad input", .serialized)
struct ControllerOperationTests {
    static let twoQueues = ACDConfiguration(
        queues: [QueueConfiguration(id: "sales", ringTimeout: 5), QueueConfiguration(id: "support", ringTimeout: 5)],
        agents: Site.agents(["a1"], in: ["sales"]) + Site.agents(["a2"], in: ["support"]) + Site.agents(["a3"], in: ["support"]))

    @Test("blind transfer to a queue, then to one agent, then out to a number")
    func transfers() async throws {
        try await ControllerFixture.with(Self.twoQueues) { fx in
            try await fx.controller.login("a1")
            try await fx.controller.login("a2")
            let (caller, call, _) = try await fx.queueCaller("sales")
            #expect(try #require(await fx.connected(call)).agent == "a1")

            try await fx.controller.transfer(call, to: .queue("support"))
            #expect(await fx.log.next { if case .transferred(call, "a1", .queue("support")) = $0 { true } else { nil } } == true)
            #expect(await fx.log.next { if case .ended(call, "a1", .agent, _) = $0 { true } else { nil } } == true)
            let second = CallID("\(caller)~t1")
            #expect(try #require(await fx.connected(second)).agent == "a2")
            #expect(fx.simulator.channelIDs(named: "PJSIP/1001").isEmpty, "a1's leg hung up")
            #expect(await fx.controller.statistics(ofQueue: "sales")?.transferred == 1)

            try await fx.controller.login("a3")
            try await fx.controller.transfer(second, to: .agent("a3"))
            let third = CallID("\(caller)~t2")
            let offered = await fx.log.next { if case .offered(let agent, let info, _) = $0, info.id == third { agent } else { nil } }
            #expect(offered == "a3", "a2 is busy wrapping up but a3 is preferred anyway")
            #expect(try #require(await fx.connected(third)).agent == "a3")
            #expect(await fx.controller.call(ofChannel: caller) == third)

            try await fx.controller.transfer(third, to: .number("5000"))
            #expect(await fx.log.next { if case .transferred(third, "a3", .number("5000")) = $0 { true } else { nil } } == true)
            let channel = try #require(fx.simulator.channel(caller))
            #expect(channel.dialplan.context == "from-internal" && channel.dialplan.exten == "5000")
            #expect(!fx.simulator.channelsInStasis(application: ControllerFixture.application).contains(caller))
            #expect(await fx.controller.call(ofChannel: caller) == nil)
        }
    }

    @Test("hold and unhold a connected caller; hold time is kept out of talk time")
    func holdUnhold() async throws {
        try await ControllerFixture.with(Site.one(queue: QueueConfiguration(id: "sales"), agents: ["a1"])) { fx in
            try await fx.controller.login("a1")
            let (caller, call, _) = try await fx.queueCaller("sales")
            await #expect(throws: ACDControllerError.self) { try await fx.controller.hold(CallID("nope")) }
            let (_, bridge, _) = try #require(await fx.connected(call))
            try await fx.controller.hold(call)
            #expect(fx.simulator.isOnHold(caller))
            #expect(await fx.log.next { if case .held(call) = $0 { true } else { nil } } == true)
            do {
                try await fx.controller.hold(call)
                Issue.record("a second hold must fail")
            } catch let error as ACDControllerError {
                #expect(error.code == .invalidState)
            }
            try await Task.sleep(for: .milliseconds(300))
            try await fx.controller.unhold(call)
            #expect(!fx.simulator.isOnHold(caller))
            #expect(await fx.log.next { if case .resumed(call) = $0 { true } else { nil } } == true)
            try fx.simulator.hangUp(channelID: caller)
            let ended = await fx.log.next { if case .ended(call, _, let party, let talk) = $0 { (party, talk) } else { nil } }
            #expect(ended?.0 == .caller)
            #expect(fx.simulator.channels(inBridge: bridge) == nil, "the call's bridge is destroyed")
            let statistics = try #require(await fx.controller.statistics(ofQueue: "sales"))
            #expect(statistics.holdTime >= 0.25 && statistics.holdTime < 2)
        }
    }

    @Test("a supervisor listens through a snoop, and barges into the call's bridge; sessions end with the call")
    func supervision() async throws {
        try await ControllerFixture.with(Site.one(queue: QueueConfiguration(id: "sales"), agents: ["a1"])) { fx in
            try await fx.controller.login("a1")
            let (_, call, _) = try await fx.queueCaller("sales")
            let (_, bridge, _) = try #require(await fx.connected(call))
            let leg = try #require(fx.agentLeg(of: call, bridge: bridge))

            let listen = try await fx.controller.supervise(call, supervisor: "PJSIP/2001", mode: .listen)
            #expect(await fx.log.next { if case .supervising(call, listen, .listen) = $0 { true } else { nil } } == true)
            let snoops = fx.simulator.channelIDs(named: "Snoop/\(leg)")
            #expect(snoops.count == 1)
            let snoopBridge = try #require(fx.simulator.channels(inBridge: "\(listen)-bridge"))
            #expect(Set(snoopBridge) == Set(snoops + ["\(listen)-leg"]))
            #expect(fx.simulator.channels(inBridge: bridge)?.count == 2, "a listener is not in the call's bridge")

            let barge = try await fx.controller.supervise(call, supervisor: "PJSIP/2002", mode: .barge)
            #expect(await fx.log.next { if case .supervising(call, barge, .barge) = $0 { true } else { nil } } == true)
            #expect(fx.simulator.channels(inBridge: bridge)?.contains("\(barge)-leg") == true)

            try fx.simulator.hangUp(channelID: "\(listen)-leg")
            #expect(await fx.log.next { if case .supervisionEnded(listen) = $0 { true } else { nil } } == true)
            #expect(fx.simulator.channelIDs(named: "Snoop/").isEmpty)

            try fx.simulator.hangUp(channelID: leg)
            #expect(await fx.log.next { if case .supervisionEnded(barge) = $0 { true } else { nil } } == true)
            #expect(fx.simulator.channel("\(barge)-leg") == nil)
        }
    }

    @Test("agent operations: pause with a reason, ready, logout withdraws a ringing offer, early end of wrap-up")
    func agentOperations() async throws {
        let queue = QueueConfiguration(id: "sales", ringTimeout: 5, wrapUp: 60)
        try await ControllerFixture.with(Site.one(queue: queue, agents: ["a1"])) { fx in
            try await fx.controller.login("a1")
            #expect(await fx.log.next { if case .agentState("a1", .ready) = $0 { true } else { nil } } == true)
            try await fx.controller.pause("a1", reason: "training")
            #expect(await fx.controller.state(of: "a1") == .paused(reason: "training"))
            try await fx.controller.ready("a1")
            fx.simulator.setEndpointBehaviour(.neverAnswer, for: "PJSIP/1001")
            let (caller, call, _) = try await fx.queueCaller("sales")
            #expect(await fx.log.next { if case .offered("a1", _, _) = $0 { true } else { nil } } == true)
            #expect(await fx.controller.state(of: "a1") == .offered(call))
            try await fx.controller.logout("a1")
            #expect(await fx.controller.state(of: "a1") == .loggedOut)
            #expect(await eventually { fx.simulator.channelIDs(named: "PJSIP/1001").isEmpty })
            #expect(await fx.controller.waitingCalls(in: "sales")?.map(\.id) == [call])

            fx.simulator.setEndpointBehaviour(nil, for: "PJSIP/1001")
            try await fx.controller.login("a1")
            let (_, bridge, _) = try #require(await fx.connected(call))
            _ = bridge
            try fx.simulator.hangUp(channelID: caller)
            #expect(await fx.log.next { if case .wrapUp("a1", "sales", _) = $0 { true } else { nil } } == true)
            if case .wrapUp = await fx.controller.state(of: "a1") {} else { Issue.record("a1 should be wrapping up") }
            try await fx.controller.endWrapUp("a1")
            #expect(await fx.controller.state(of: "a1") == .ready)
        }
    }

    @Test("after a reconnect, followed channels missing from the snapshot count as hung up meanwhile")
    func resyncAfterReconnect() async throws {
        try await ControllerFixture.with(Site.one(queue: QueueConfiguration(id: "sales"), agents: ["a1"])) { fx in
            try await fx.controller.login("a1")
            let first = try await fx.queueCaller("sales", number: "111")
            let (_, bridge, _) = try #require(await fx.connected(first.call))
            let leg = try #require(fx.agentLeg(of: first.call, bridge: bridge))
            let second = try await fx.queueCaller("sales", number: "222")
            let everything = try await fx.rest.channels()
            await fx.controller.resync(ARISnapshot(
                application: ARIApplication(name: ControllerFixture.application), channels: everything, bridges: [], afterReconnect: true))
            #expect(!fx.log.all.contains { if case .abandoned = $0 { true } else { false } }, "nothing vanished yet")
            let remaining = everything.filter { $0.id != leg && $0.id != second.channel }
            await fx.controller.resync(ARISnapshot(
                application: ARIApplication(name: ControllerFixture.application), channels: remaining, bridges: [], afterReconnect: true))
            #expect(await fx.log.next { if case .ended(first.call, "a1", .agent, _) = $0 { true } else { nil } } == true)
            #expect(await fx.log.next { if case .abandoned(second.call, "sales", _) = $0 { true } else { nil } } == true)
            #expect(await fx.controller.waitingCalls(in: "sales") == [])
            #expect(fx.simulator.channel(first.channel) == nil, "the caller of the call whose agent vanished is released")
        }
    }

    @Test("a snapshot asked for before a caller was queued does not end that caller; a later one does")
    func resyncIgnoresChannelsNewerThanTheSnapshot() async throws {
        try await ControllerFixture.with(Site.one(queue: QueueConfiguration(id: "sales"), agents: ["a1"])) { fx in
            let application = ARIApplication(name: ControllerFixture.application)
            let askedBefore = ContinuousClock.now
            // The IVR hands the caller over before the controller has read the (older) snapshot.
            let caller = try await fx.queueCaller("sales", number: "111")
            await fx.controller.resync(ARISnapshot(application: application, channels: [], bridges: [], afterReconnect: true, requestedAt: askedBefore))
            #expect(await fx.controller.waitingCalls(in: "sales")?.map(\.id) == [caller.call], "still waiting")
            #expect(!fx.log.all.contains { if case .abandoned = $0 { true } else { false } })
            // A snapshot asked for after it was queued, without the channel: the caller is gone.
            await fx.controller.resync(ARISnapshot(application: application, channels: [], bridges: [], afterReconnect: true))
            #expect(await fx.log.next { if case .abandoned(caller.call, "sales", _) = $0 { true } else { nil } } == true)
            #expect(await fx.controller.waitingCalls(in: "sales") == [])
        }
    }

    @Test("bad input gets typed errors and changes nothing")
    func badInput() async throws {
        let queue = QueueConfiguration(id: "sales", maxLength: 1)
        try await ControllerFixture.with(Site.one(queue: queue, agents: ["a1"])) { fx in
            func code(_ body: () async throws -> Void) async -> ACDControllerError.Code? {
                do {
                    try await body()
                    return nil
                } catch let error as ACDControllerError {
                    return error.code
                } catch {
                    Issue.record("untyped error \(error)")
                    return nil
                }
            }
            #expect(await code { try await fx.controller.login("ghost") } == .unknownAgent)
            #expect(await code { try await fx.controller.pause("a1", reason: "") } == .invalidState)
            #expect(await code { try await fx.controller.logout("a1") } == .invalidState)
            #expect(await code { try await fx.controller.endWrapUp("a1") } == .invalidState)
            #expect(await code { try await fx.controller.transfer(CallID("nope"), to: .queue("sales")) } == .unknownCall)
            let inStasis = try fx.simulator.injectInboundCall(application: ControllerFixture.application)
            #expect(await code { try await fx.controller.enqueue(ACDEnqueueRequest(channelID: inStasis.id, queue: "nowhere")) } == .engine)
            #expect(await code { try await fx.controller.enqueue(ACDEnqueueRequest(channelID: "gone", queue: "sales")) } == .asterisk)
            #expect(await fx.controller.waitingCalls(in: "sales") == [])
            let (caller, call, _) = try await fx.queueCaller("sales")
            #expect(await code { try await fx.controller.enqueue(ACDEnqueueRequest(channelID: caller, queue: "sales")) } == .invalidState)
            #expect(await code { try await fx.controller.hold(call) } == .invalidState, "a waiting caller cannot be held")
            #expect(await code { try await fx.controller.enqueue(ACDEnqueueRequest(channelID: inStasis.id, queue: "sales")) } == .joinRefused)
            #expect(await fx.log.next { if case .joinRefused(CallID(inStasis.id), "sales", .full) = $0 { true } else { nil } } == true)
            #expect(await fx.controller.waitingCalls(in: "sales")?.map(\.id) == [call])
        }
        let rest = ARIRESTClient(configuration: ARIConfiguration(credentials: ARICredentials(username: "u", password: "p"), application: "x"))
        #expect(throws: ACDControllerError.self) {
            try ACDController(
                configuration: ACDControllerConfiguration(engine: Site.one(queue: queue, agents: ["a1"]), agentEndpoints: [:]), rest: rest)
        }
    }
}

/// Waits until `condition` holds; false after `timeout`.
func eventually(timeout: Duration = .seconds(20), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        guard ContinuousClock.now < deadline else { return false }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return true
}
