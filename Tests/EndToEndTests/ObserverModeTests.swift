import AMI
import AsteriskSimulator
import CTIApp
import CTICore
import CTIDemo
import CTIServer
import Foundation
import Logging
import NIOHTTP1
import ServiceLifecycle
import Storage
import Synchronization
import TestSupport
import Testing

/// `acd.mode = observer`: app_queue (the AMI simulator) routes the calls; CTIBridge follows it over
/// AMI and turns them into screen-pops, stored interactions and `/metrics` counters.
@Suite("End to end: observer mode (app_queue over AMI)")
struct ObserverModeTests {
    @Test("an app_queue call pops on the agent's desktop with the CRM customer, is stored and counted; pause goes through QueuePause")
    func appQueueCallPops() async throws {
        try await ObserverSite.run { site in
            let client = site.client
            let store = site.store
            // 1002 goes on a break from the desktop: a QueuePause reaches app_queue.
            let other = try await client.login("1002")
            let paused = try await client.act(#"{"action":"pause","reason":"coffee"}"#, token: other)
            #expect(paused.status == 200, "\(String(decoding: paused.body, as: UTF8.self))")
            #expect(await poll { site.member("1002")?.paused == true })
            let agent = try await client.login("1001")
            try await client.agentSocket(token: agent) { socket in
                #expect(try await socket.welcome().agentID == "1001")
                // Tran Thi B (a VIP customer in the CRM) calls; the dialplan puts her in Queue(support).
                site.call("obs-1", from: "\"Tran Thi B\" <0912345678>")

                guard case .offer(let offer) = try await socket.pop("offer", call: "obs-1") else { return }
                #expect(offer.queue == "support")
                #expect(offer.callerNumber == "0912345678")
                #expect(offer.customer?.name == "Tran Thi B")
                #expect(offer.openTickets.contains { $0.subject.contains("Invoice 2026-114") })
                _ = try await socket.pop("connected", call: "obs-1")
                // Call control belongs to app_queue in this mode: refused with the reason.
                let hangUp = try await client.act(#"{"action":"hangUp","callID":"obs-1"}"#, token: agent)
                #expect(hangUp.status == 422)
                #expect(String(decoding: hangUp.body, as: UTF8.self).contains("acd.mode = controller"))

                try await Task.sleep(for: .milliseconds(300))
                #expect(site.hangUp("obs-1"))
                guard case .callEnded(let ended) = try await socket.pop("callEnded", call: "obs-1") else { return }
                #expect(ended.talkSeconds >= 0)
            }
            #expect(try await poll { try await store.interactions.find(callID: "obs-1") != nil })
            let stored = try await store.interactions.find(callID: "obs-1")
            #expect(stored?.agent == "1001")
            #expect(stored?.queue == "support")
            #expect(stored?.customerID != nil)

            let supervisor = try await client.login("supervisor")
            let metrics = String(decoding: try await client.request(.GET, "/metrics", token: supervisor).body, as: UTF8.self)
            #expect(metrics.contains(#"ctibridge_calls_total{queue="support",outcome="answered"} 1"#), "\(metrics)")
            #expect(metrics.contains(#"ctibridge_connection_up_bool{connection="ami"} 1"#))
            #expect(metrics.contains(#"ctibridge_screen_pops_sent_total{type="offer"}"#))

            // The wallboard, built from app_queue's events: the answered call, the paused agent with the reason.
            #expect(try await poll { try await client.wallboard(token: supervisor).queues.first { $0.queue == "support" }?.answeredToday == 1 })
            let board = try await client.wallboard(token: supervisor)
            let row = try #require(board.queues.first { $0.queue == "support" })
            #expect(row.waiting == 0 && row.abandonedToday == 0)
            #expect(row.serviceLevelToday == 1)
            let onBreak = try #require(board.agents.first { $0.agentID == "1002" })
            #expect(onBreak.state == .paused && onBreak.reason == "coffee")
            #expect(board.agents.first { $0.agentID == "1001" }.map { $0.state != .paused } == true)
            #expect(try await client.request(.GET, "/api/wallboard", token: agent).status == 403)
            let gauges = String(decoding: try await client.request(.GET, "/metrics", token: supervisor).body, as: UTF8.self)
            #expect(gauges.contains(#"ctibridge_queue_waiting_calls{queue="support"} 0"#), "\(gauges)")
            #expect(gauges.contains(#"ctibridge_agents_count{state="paused"} 1"#))
        }
    }
}

