import ARI
import AsteriskSimulator
import CTICore
import Telephony
import Testing

@Suite("ACD controller over ARI: callbacks scheduled with no caller on the line", .serialized)
struct ControllerScheduledCallbackTests {
    static let trunk: @Sendable (inout ACDControllerConfiguration) -> Void = { $0.callbackEndpoint = "PJSIP/{number}@trunk" }

    @Test("it waits in line from when it was asked for; the agent answers first, the number is dialled, its end is reported")
    func scheduledCallback() async throws {
        let engine = Site.one(queue: QueueConfiguration(id: "sales", ringTimeout: 5), agents: ["a1"])
        try await ControllerFixture.with(engine, prepare: Self.trunk) { fx in
            let caller = try await fx.queueCaller("sales", number: "111")
            let position = try await fx.controller.scheduleCallback(
                ACDCallbackRequest(id: "cb-7", queue: "sales", number: "5550007", age: 600, callerName: "Pham Thi D", ivrPath: ["main", "callback"]))
            #expect(position == 1, "asked for ten minutes ago, ahead of the caller waiting now")
            #expect(await fx.controller.waitingCalls(in: "sales")?.map(\.id) == ["cb-7", caller.call])
            #expect(await fx.controller.isCallbackScheduled("cb-7"))
            #expect(await fx.controller.snapshot(of: "sales")?.callbacksWaiting == 1)

            try await fx.controller.login("a1")
            let offered = await fx.log.next { if case .offered("a1", let info, let wait) = $0, info.id == "cb-7" { (info, wait) } else { nil } }
            let (info, wait) = try #require(offered)
            #expect(info.callerNumber == "5550007" && info.callerName == "Pham Thi D" && info.ivrPath == ["main", "callback"])
            #expect(wait >= 600, "the wait counts from the request")
            let (agent, bridge, recording) = try #require(await fx.connected("cb-7"))
            #expect(agent == "a1" && recording != nil)
            let members = try #require(fx.simulator.channels(inBridge: bridge))
            let customer = try #require(members.first { !$0.hasPrefix("acd-agent") })
            #expect(fx.simulator.channel(customer)?.name.hasPrefix("PJSIP/5550007@trunk") == true, "the number is dialled at the callback endpoint")
            #expect(await fx.controller.call(ofChannel: customer) == "cb-7")

            try fx.simulator.hangUp(channelID: customer)
            #expect(await fx.log.next { if case .callbackFinished("cb-7", "sales", let answered) = $0 { answered } else { nil } } == true)
            #expect(await fx.controller.isCallbackScheduled("cb-7") == false)
            #expect(!fx.log.all.contains { if case .abandoned = $0 { true } else { false } })
            #expect(await fx.controller.statistics(ofQueue: "sales")?.callbacksHandled == 1)
            #expect(try #require(await fx.connected(caller.call)).agent == "a1", "then the agent takes the caller who waited behind it")
        }
    }

    @Test("a customer who does not answer ends the callback as not answered")
    func notAnswered() async throws {
        let engine = Site.one(queue: QueueConfiguration(id: "sales", ringTimeout: 5), agents: ["a1"])
        try await ControllerFixture.with(engine, prepare: Self.trunk) { fx in
            fx.simulator.setEndpointBehaviour(.neverAnswer, for: "PJSIP/5550008@trunk")
            try await fx.controller.login("a1")
            try await fx.controller.scheduleCallback(ACDCallbackRequest(id: "cb-8", queue: "sales", number: "5550008"))
            #expect(await eventually { fx.simulator.channelIDs(named: "PJSIP/5550008@trunk").count == 1 }, "the customer is dialled")
            let customer = try #require(fx.simulator.channelIDs(named: "PJSIP/5550008@trunk").first)
            try fx.simulator.hangUp(channelID: customer)
            #expect(await fx.log.next { if case .callbackFinished("cb-8", "sales", let answered) = $0 { answered } else { nil } } == false)
            #expect(!fx.log.all.contains { if case .connected("cb-8", _, _, _) = $0 { true } else { false } })
        }
    }

    @Test("bad requests are refused with typed errors and leave nothing behind")
    func badRequests() async throws {
        try await ControllerFixture.with(Site.one(queue: QueueConfiguration(id: "sales"), agents: ["a1"])) { fx in
            for (request, code) in [
                (ACDCallbackRequest(id: "cb-1", queue: "nowhere", number: "5550001"), ACDControllerError.Code.engine),
                (ACDCallbackRequest(id: "cb-1", queue: "sales", number: ""), .invalidState),
                (ACDCallbackRequest(id: "cb-1", queue: "sales", number: "5550001", age: .nan), .invalidState),
            ] {
                do {
                    try await fx.controller.scheduleCallback(request)
                    Issue.record("\(request) must be refused")
                } catch let error as ACDControllerError {
                    #expect(error.code == code, "\(error)")
                }
                #expect(await fx.controller.isCallbackScheduled("cb-1") == false)
            }
            try await fx.controller.scheduleCallback(ACDCallbackRequest(id: "cb-1", queue: "sales", number: "5550001"))
            do {
                try await fx.controller.scheduleCallback(ACDCallbackRequest(id: "cb-1", queue: "sales", number: "5550001"))
                Issue.record("a second callback with the same id must be refused")
            } catch let error as ACDControllerError {
                #expect(error.code == .invalidState)
            }
            #expect(await fx.controller.waitingCalls(in: "sales")?.map(\.id) == ["cb-1"])
        }
    }
}
