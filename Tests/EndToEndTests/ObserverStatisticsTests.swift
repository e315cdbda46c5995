import AsteriskSimulator
import CTICore
import Foundation
import NIOHTTP1
import TestSupport
import Testing

/// `/api/statistics/…` in observer mode: the interval figures come from app_queue's AMI events.
extension ObserverModeTests {
    @Test("observer-mode interval statistics: an answered call and an abandon on the queue route, the agents' own figures, 403 for another agent, 404 for unknown ones")
    func intervalStatistics() async throws {
        var options = ObserverSite.Options()
        options.statistics = AppQueueStatisticsConfiguration(interval: .fifteenMinutes, queues: [QueueConfiguration(id: "support", wrapUp: 2)])
        try await ObserverSite.run(options) { site in
            let client = site.client
            // 1002 goes on a coffee break; 1001 takes Tran Thi B's call while Le Van C waits, then hangs up.
            let other = try await client.login("1002")
            #expect(try await client.act(#"{"action":"pause","reason":"coffee"}"#, token: other).status == 200)
            #expect(await poll { site.member("1002")?.paused == true })
            let agent = try await client.login("1001")
            try await client.agentSocket(token: agent) { socket in
                #expect(try await socket.welcome().agentID == "1001")
                site.call("obs-s1", from: "\"Tran Thi B\" <0912345678>")
                _ = try await socket.pop("connected", call: "obs-s1")
                site.call("obs-s2", from: "\"Le Van C\" <+84903111222>")
                #expect(await poll(timeout: .seconds(30)) { site.simulator.pbx.calls["obs-s2"] != nil })
                #expect(site.callerHangsUp("obs-s2"))
                #expect(site.hangUp("obs-s1"))
                _ = try await socket.pop("callEnded", call: "obs-s1")
            }

            // The queue: both calls offered, one answered, one abandoned; the wrap-up app_queue
            // does not report is the queue's configured 2 s, booked once it has run out.
            let supervisor = try await client.login("supervisor")
            let queuePath = "/api/statistics/queues/support"
            #expect(try await poll(timeout: .seconds(30)) {
                let total = try await client.request(.GET, queuePath, token: supervisor).object?["total"] as? [String: Any]
                return total?["abandoned"] as? Int == 1 && (total?["averageHandleTime"] as? Double ?? 0) > 2
            })
            let queue = try #require(try await client.request(.GET, queuePath, token: supervisor).object)
            #expect(queue["subject"] as? String == "support" && queue["intervalSeconds"] as? Double == 900)
            let intervals = queue["intervals"] as? [[String: Any]] ?? []
            let first = try #require(intervals.first, "\(queue)")
            let start = try #require((first["start"] as? String).flatMap { try? Date($0, strategy: .iso8601) })
            #expect(start.timeIntervalSince1970.truncatingRemainder(dividingBy: 900) == 0, "interval starts at \(start)")
            #expect(abs(Date().timeIntervalSince(start)) < 900 + 300)
            let total = try #require(queue["total"] as? [String: Any])
            #expect(total["offered"] as? Int == 2 && total["answered"] as? Int == 1 && total["abandoned"] as? Int == 1, "\(total)")
            #expect(total["transferred"] as? Int == 0 && total["overflowed"] as? Int == 0, "\(total)")
            #expect((total["averageSpeedOfAnswer"] as? Double).map { $0 >= 0 && $0 < 60 } == true, "\(total)")
            #expect((total["shortAbandons"] as? Int).map { $0 <= 1 } == true)
            #expect(try await client.request(.GET, queuePath, token: agent).status == 403)
            #expect(try await client.request(.GET, "/api/statistics/queues/nowhere", token: supervisor).status == 404)
            #expect(try await client.request(.GET, "\(queuePath)?from=yesterday", token: supervisor).status == 400)
            let later = try await client.request(.GET, "\(queuePath)?from=2999-01-01T00:00:00Z", token: supervisor)
            #expect(later.status == 200 && (later.object?["intervals"] as? [Any])?.isEmpty == true)

            // The agent's own figures: the call handled, talk and the derived 2 s of wrap-up, no miss.
            #expect(try await poll(timeout: .seconds(30)) {
                let total = try await client.request(.GET, "/api/statistics/agents/1001", token: agent).object?["total"] as? [String: Any]
                return total?["wrapUpTime"] as? Double == 2
            })
            let own = try await client.request(.GET, "/api/statistics/agents/1001", token: agent)
            #expect(own.status == 200)
            let mine = try #require(own.object?["total"] as? [String: Any], "\(String(decoding: own.body, as: UTF8.self))")
            #expect(mine["handled"] as? Int == 1 && mine["missedOffers"] as? Int == 0, "\(mine)")
            #expect(mine["wrapUpTime"] as? Double == 2, "\(mine)")
            #expect((mine["talkTime"] as? Double).map { $0 > 0 && $0 < 120 } == true, "\(mine)")
            let states = mine["stateTime"] as? [String: Double] ?? [:]
            #expect((states["on-call"] ?? 0) > 0 && states["wrap-up"] == 2, "\(states)")
            #expect((mine["occupancy"] as? Double).map { $0 > 0 && $0 <= 1 } == true, "\(mine)")
            #expect(try await client.request(.GET, "/api/statistics/agents/1002", token: agent).status == 403, "not their own")
            // The supervisor sees 1002's coffee break by reason.
            let break1002 = try await client.request(.GET, "/api/statistics/agents/1002", token: supervisor)
            #expect(break1002.status == 200)
            let pauses = (break1002.object?["total"] as? [String: Any])?["pauseTime"] as? [String: Double] ?? [:]
            #expect((pauses["coffee"] ?? 0) > 0, "\(String(decoding: break1002.body, as: UTF8.self))")
            #expect(try await client.request(.GET, "/api/statistics/agents/nobody", token: supervisor).status == 404)
        }
    }
}
