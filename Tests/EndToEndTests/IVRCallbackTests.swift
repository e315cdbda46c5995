import ARI
import AsteriskSimulator
import CTIApp
import CTICore
import CTIDemo
import Foundation
import Storage
import Telephony
import TestSupport
import Testing

/// Callback requests left in the IVR are called back by the ACD, and survive a restart.
@Suite("End to end: IVR callbacks through the ACD")
struct IVRCallbackTests {
    /// The demo IVR's clock at start-up (a Monday 10:00 in Ho Chi Minh City).
    static let openHour = Date(timeIntervalSince1970: 1_795_402_800)

    static func callbacks(_ store: CTIStore, _ status: StoredCallbackRequest.Status) async throws -> [StoredCallbackRequest] {
        try await store.ivrOutcomes.callbacks(status: status, page: PageRequest(limit: 100)).items
    }

    static func status(_ store: CTIStore, of id: Int64) async throws -> StoredCallbackRequest.Status? {
        for status in [StoredCallbackRequest.Status.pending, .dialled, .completed, .failed] {
            if try await callbacks(store, status).contains(where: { $0.id == id }) { return status }
        }
        return nil
    }

    static func request(queue: String, number: String, at date: Date) -> IVRCallbackRequest {
        IVRCallbackRequest(
            queue: queue, number: number, priority: 0, requestedAt: date, path: IVRPath(flowID: "main-menu", flowVersion: 1, language: "en"))
    }

    @Test(
        "the caller books a callback in the IVR and hangs up; an agent gets the offer, answers, the customer is dialled into the bridge, and it is stored completed",
        .enabled(if: AsteriskTarget.usesSimulator, AsteriskTarget.needsSimulator))
    func callbackFromTheIVR() async throws {
        try await Deployment.with(staff: false) { deployment in
            let run = try deployment.centre
            let callers = try #require(deployment.callers)
            let simulator = try #require(deployment.simulator)
            let number = "+84966123123"
            try #require(await poll { simulator.activeApplications.contains("ctibridge") }, "CTIBridge holds the Stasis app")
            let channel = try callers.call(from: number, menu: "3")
            #expect(await poll { simulator.channel(channel) == nil }, "the IVR books the callback and hangs up")
            #expect(try await poll { try await Self.callbacks(run.store, .pending).count == 1 })
            let stored = try #require(try await Self.callbacks(run.store, .pending).first)
            #expect(stored.queue == "support" && stored.number == number && stored.channelID == channel)
            let call = CallID("cb-\(stored.id)")
            #expect(await poll { await run.controller.waitingCalls(in: "support")?.contains { $0.id == call && $0.isCallback } == true })

            try await run.controller.login("1004")
            let offered = await run.events.first { if case .offered("1004", let info, _) = $0, info.id == call { info } else { nil } }
            let info = try #require(offered, "the agent is offered the callback")
            #expect(info.callerNumber == number)
            #expect(info.ivrPath.contains("callback"), "the IVR path travels with the callback: \(info.ivrPath)")
            let connected = await run.events.first(timeout: .seconds(30)) { if case .connected(call, "1004", let bridge?, _) = $0 { bridge } else { nil } }
            let bridge = try #require(connected, "the agent answers, then the customer answers")
            let members = try #require(simulator.channels(inBridge: bridge))
            #expect(members.count == 2)
            let customer = try #require(members.first { !$0.hasPrefix("acd-agent") })
            #expect(simulator.channel(customer)?.name.hasPrefix("Local/\(number)@from-internal") == true, "the customer's number is originated")
            #expect(try await Self.status(run.store, of: stored.id) == .pending, "not done while the call is on")

            try simulator.hangUp(channelID: customer)
            #expect(try await poll { try await Self.status(run.store, of: stored.id) == .completed })
        }
    }

    @Test(
        "a callback whose customer does not answer is stored failed",
        .enabled(if: AsteriskTarget.usesSimulator, AsteriskTarget.needsSimulator))
    func customerDoesNotAnswer() async throws {
        try await Deployment.with(staff: false) { deployment in
            let run = try deployment.centre
            let callers = try #require(deployment.callers)
            let simulator = try #require(deployment.simulator)
            let number = "+84922444666"
            let endpoint = "Local/\(number)@from-internal"
            simulator.setEndpointBehaviour(.neverAnswer, for: endpoint)
            try #require(await poll { simulator.activeApplications.contains("ctibridge") }, "CTIBridge holds the Stasis app")
            try callers.call(from: number, menu: "3")
            #expect(try await poll { try await Self.callbacks(run.store, .pending).count == 1 })
            let stored = try #require(try await Self.callbacks(run.store, .pending).first)
            try await run.controller.login("1005")
            // A Local channel comes in two halves; the ACD's originated half has its preset id.
            let dialled = { simulator.channelIDs(named: endpoint).first { $0.hasPrefix("acd-callback") } }
            #expect(await poll(timeout: .seconds(30)) { dialled() != nil }, "the customer is dialled")
            let customer = try #require(dialled())
            try simulator.hangUp(channelID: customer)
            #expect(try await poll { try await Self.status(run.store, of: stored.id) == .failed })
        }
    }

    @Test(
        "pending callbacks stored before a start are queued again oldest first and offered; one for an unknown queue is stored failed",
        .enabled(if: AsteriskTarget.usesSimulator, AsteriskTarget.needsSimulator))
    func pendingCallbacksSurviveARestart() async throws {
        try await Deployment.with(staff: false) { deployment in
            try await deployment.stopCentre()
            let store = try await SeededDemoStore.open(path: deployment.databasePath)
            let newer = try await store.ivrOutcomes.record(
                callback: Self.request(queue: "support", number: "+84912345678", at: Self.openHour - 120), channelID: "ivr-1")
            let older = try await store.ivrOutcomes.record(
                callback: Self.request(queue: "support", number: "+84903111222", at: Self.openHour - 300), channelID: "ivr-2")
            let lost = try await store.ivrOutcomes.record(
                callback: Self.request(queue: "nowhere", number: "+84935555777", at: Self.openHour - 60), channelID: "ivr-3")
            try store.close()

            let run = try await deployment.startCentre(staff: false)
            let expected = [CallID("cb-\(older.id)"), CallID("cb-\(newer.id)")]
            #expect(await poll { await run.controller.waitingCalls(in: "support")?.map(\.id) == expected }, "in the order they were asked for")
            #expect(try await poll { try await Self.status(run.store, of: lost.id) == .failed }, "an unknown queue fails the request, not the start")
            #expect(try await Self.status(run.store, of: older.id) == .pending)

            try await run.controller.login("1006")
            let offered = await run.events.first { if case .offered("1006", let info, let wait) = $0 { (info.id, wait) } else { nil } }
            let (first, wait) = try #require(offered)
            #expect(first == expected[0])
            #expect(wait >= 300, "the wait counts from the stored request time")
        }
    }
}
