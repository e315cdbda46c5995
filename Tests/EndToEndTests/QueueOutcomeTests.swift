import CTICore
import CTIDemo
import Foundation
import NIOHTTP1
import Storage
import Telephony
import TestSupport
import Testing

/// Calls that do not simply ring one agent: the caller gives up, the queue overflows, the agent
/// transfers. Through the simulator over loopback, a real SQLite file and the real HTTP/WebSocket server.
@Suite("End to end: abandon, overflow, transfer", .enabled(if: AsteriskTarget.usesSimulator, AsteriskTarget.needsSimulator))
struct QueueOutcomeTests {
    /// Sales overflows to support after 2 s; 1001 works sales only, 1004 support only.
    static let overflowSite: ACDControllerConfiguration = {
        let sales = QueueConfiguration(id: "sales", wrapUp: 2, overflow: .init(to: "support", after: 2))
        let support = QueueConfiguration(id: "support", wrapUp: 2)
        let skills = ["sales": 5, "support": 5]
        var configuration = ACDControllerConfiguration(
            engine: ACDConfiguration(queues: [sales, support], agents: [
                AgentConfiguration(id: "1001", memberships: [.init("sales")], skills: skills),
                AgentConfiguration(id: "1004", memberships: [.init("support")], skills: skills),
            ]),
            agentEndpoints: ["1001": "PJSIP/1001", "1004": "PJSIP/1004"])
        configuration.announcementInterval = nil
        return configuration
    }()

    @Test("a caller who hangs up while waiting is stored as abandoned and counted on the wallboard")
    func callerAbandons() async throws {
        try await Deployment.with { deployment in
            let run = try deployment.centre
            let callers = try #require(deployment.callers)
            for agent in DemoSite.agents { try await run.controller.pause(AgentID(agent), reason: "lunch") }
            let client = ServiceClient(base: run.http)
            let supervisor = try await client.login("supervisor")
            let agent = try await client.login("1001")
            #expect(try await client.request(.GET, "/api/wallboard", token: agent).status == 403, "agents do not see the wallboard")
            #expect(try await client.request(.GET, "/api/wallboard").status == 401)

            let channel = try callers.call(menu: "1")
            let queued = await run.events.first { event -> Int? in
                if case .queued(let info, let position) = event, info.id.rawValue == channel { position } else { nil }
            }
            #expect(queued == 1)
            // The caller waits a little, then gives up.
            try await Task.sleep(for: .milliseconds(300))
            try callers.hangUp(channel)
            let wait = try #require(await run.events.first { event -> Double? in
                if case .abandoned(let call, let queue, let wait) = event, call.rawValue == channel, queue == "sales" { wait } else { nil }
            })
            #expect(wait > 0)

            let interaction = try #require(try await run.interaction(channel))
            #expect(interaction.disposition == "abandoned")
            #expect(interaction.agent == nil)
            #expect(interaction.queue == "sales")
            #expect(interaction.talkSeconds == 0)
            #expect(interaction.waitSeconds > 0)
            #expect(interaction.fromNumber == "+84966123123")
            #expect(interaction.ivrPath.contains("sales-queue"))

            // The wallboard (republished every second) counts the abandon and no answer.
            let counted = try await poll {
                try await client.wallboard(token: supervisor).queues.first { $0.queue == "sales" }?.abandonedToday == 1
            }
            let row = try await client.wallboard(token: supervisor).queues.first { $0.queue == "sales" }
            #expect(counted, "wallboard sales row: \(String(describing: row))")
            #expect(row?.answeredToday == 0)
            #expect(row?.waiting == 0)
        }
    }

    @Test("a caller waiting too long in sales overflows to support and is answered there")
    func overflowToAnotherQueue() async throws {
        try await Deployment.with(acd: Self.overflowSite, staff: false) { deployment in
            let run = try deployment.centre
            let callers = try #require(deployment.callers)
            // Only 1004 (support) is ready; sales has a logged-in but paused member, so the caller waits there.
            try await run.controller.login("1001")
            try await run.controller.pause("1001", reason: "meeting")
            try await run.controller.login("1004")
            try await run.controller.ready("1004")
            let client = ServiceClient(base: run.http)
            let token = try await client.login("1004")
            try await client.agentSocket(token: token) { socket in
                #expect(try await socket.welcome().agentID == "1004")
                let channel = try callers.call(menu: "1")
                let moved = await run.events.first { event -> QueueID? in
                    if case .overflowed(let call, "sales", let to) = event, call.rawValue == channel { to } else { nil }
                }
                #expect(moved == "support")
                guard case .offer(let offer) = try await socket.pop("offer", call: channel) else { return }
                #expect(offer.queue == "support")
                #expect(offer.waitSeconds >= 1.9)
                _ = try await socket.pop("connected", call: channel)
                #expect(await run.controller.agent(of: CallID(channel)) == "1004")

                try callers.hangUp(channel)
                guard case .callEnded(let ended) = try await socket.pop("callEnded", call: channel) else { return }
                #expect(ended.talkSeconds > 0)
                let interaction = try #require(try await run.interaction(channel))
                #expect(interaction.agent == "1004")
                #expect(interaction.queue == "support", "stored under the queue that answered")
                #expect(interaction.waitSeconds >= 1.9)
            }
            let support = await run.controller.statistics(ofQueue: "support")
            #expect(support?.answered == 1)
        }
    }

    @Test("an agent blind-transfers a caller to another queue; both legs are stored, each with its agent")
    func blindTransferToAnotherQueue() async throws {
        try await Deployment.with(acd: Self.overflowSite) { deployment in
            let run = try deployment.centre
            let callers = try #require(deployment.callers)
            let client = ServiceClient(base: run.http)
            let seller = try await client.login("1001")
            let helper = try await client.login("1004")
            try await client.agentSocket(token: seller) { socket in
                _ = try await socket.welcome()
                let channel = try callers.call(menu: "1")
                _ = try await socket.pop("connected", call: channel)

                // Another agent may not transfer 1001's call; a bad destination is refused with a reason.
                let foreign = try await client.act(#"{"action":"blindTransfer","callID":"\#(channel)","destination":"queue:support"}"#, token: helper)
                #expect(foreign.status == 422 || foreign.status == 403, "status \(foreign.status)")
                let unknown = try await client.act(#"{"action":"blindTransfer","callID":"\#(channel)","destination":"queue:nope"}"#, token: seller)
                #expect(unknown.status == 422)
                #expect(String(decoding: unknown.body, as: UTF8.self).contains("nope"))

                let moved = try await client.act(#"{"action":"blindTransfer","callID":"\#(channel)","destination":"queue:support"}"#, token: seller)
                #expect(moved.status == 200, "\(String(decoding: moved.body, as: UTF8.self))")
                guard case .callEnded = try await socket.pop("callEnded", call: channel) else { return }
                let transferred = await run.events.first { event -> ACDTransferTarget? in
                    if case .transferred(let call, "1001", let target) = event, call.rawValue == channel { target } else { nil }
                }
                #expect(transferred == .queue("support"))
            }
            // The caller is answered by 1004 in support under a new call id, then hangs up.
            let second = try #require(await run.events.first { event -> CallID? in
                if case .connected(let call, "1004", _, _) = event { call } else { nil }
            })
            let channel = try #require(second.rawValue.split(separator: "~").first.map(String.init))
            #expect(second.rawValue == "\(channel)~t1")
            try callers.hangUp(channel)

            let first = try #require(try await run.interaction(channel))
            #expect(first.agent == "1001")
            #expect(first.queue == "sales")
            let then = try #require(try await run.interaction(second.rawValue))
            #expect(then.agent == "1004")
            #expect(then.queue == "support")
            #expect(then.fromNumber == first.fromNumber)
            let wrapUp = await run.events.first { event -> QueueID? in
                if case .wrapUp("1001", let queue, _) = event { queue } else { nil }
            }
            #expect(wrapUp == "sales")
        }
    }
}
