import ARI
import AsteriskSimulator
import CTIApp
import CTICore
import CTIDemo
import Foundation
import NIOHTTP1
import Storage
import Telephony
import TestSupport
import Testing

/// Asterisk or CTIBridge stop and start again: calls in progress are adopted again, and nothing
/// stored is lost.
@Suite("End to end: restarts")
struct RestartTests {
    @Test(
        "Asterisk restarts while a call is connected: ARI reconnects, the call is kept, ends normally and is stored",
        .enabled(if: AsteriskTarget.usesSimulator, AsteriskTarget.needsSimulator))
    func asteriskRestartKeepsTheCall() async throws {
        try await Deployment.with { deployment in
            let run = try deployment.centre
            let callers = try #require(deployment.callers)
            try await run.onlyAgent("1002", of: deployment.acd)
            let client = ServiceClient(base: run.http)
            let token = try await client.login("1002")
            try await client.agentSocket(token: token) { socket in
                _ = try await socket.welcome()
                let channel = try callers.call(menu: "1")
                _ = try await socket.pop("connected", call: channel)

                await deployment.stopAsterisk()
                #expect(await poll { !run.centre.events.statistics.isConnected }, "the events client notices Asterisk is gone")
                let ready = try await client.request(.GET, "/ready")
                #expect(ready.status == 503, "not ready without ARI")
                try await deployment.startAsterisk()
                #expect(await poll(timeout: .seconds(30)) { run.centre.events.statistics.isConnected })
                #expect(run.centre.events.statistics.reconnects >= 1)
                #expect(try await poll { try await client.request(.GET, "/ready").status == 200 })

                // The call survived the restart: still connected to 1002, in the same bridge.
                #expect(await run.controller.agent(of: CallID(channel)) == "1002")
                let bridge = try #require(await run.controller.bridgeID(of: CallID(channel)))
                #expect(deployment.simulator?.bridgeID(ofChannel: channel) == bridge)

                try callers.hangUp(channel)
                guard case .callEnded(let ended) = try await socket.pop("callEnded", call: channel) else { return }
                #expect(ended.talkSeconds > 0)
                let interaction = try #require(try await run.interaction(channel))
                #expect(interaction.agent == "1002")
                #expect(interaction.recordingReference?.hasPrefix("acd-") == true)
            }
        }
    }

    @Test(
        "the caller hangs up while Asterisk is down: after the reconnect the call is found gone, the agent gets call-ended, it is stored",
        .enabled(if: AsteriskTarget.usesSimulator, AsteriskTarget.needsSimulator))
    func hangUpWhileAsteriskIsDown() async throws {
        try await Deployment.with { deployment in
            let run = try deployment.centre
            let callers = try #require(deployment.callers)
            try await run.onlyAgent("1003", of: deployment.acd)
            let client = ServiceClient(base: run.http)
            let token = try await client.login("1003")
            try await client.agentSocket(token: token) { socket in
                _ = try await socket.welcome()
                let channel = try callers.call(menu: "2")
                _ = try await socket.pop("connected", call: channel)

                await deployment.stopAsterisk()
                #expect(await poll { !run.centre.events.statistics.isConnected })
                // No ChannelDestroyed can reach CTIBridge now.
                try callers.hangUp(channel)
                try await Task.sleep(for: .milliseconds(200))
                #expect(await run.controller.agent(of: CallID(channel)) == "1003", "nothing known yet")
                try await deployment.startAsterisk()

                // The resync after the reconnect finds the caller gone and ends the call.
                guard case .callEnded(let ended) = try await socket.pop("callEnded", call: channel) else { return }
                #expect(ended.talkSeconds > 0)
                let by = await run.events.first { event -> ACDCallParty? in
                    if case .ended(let call, "1003", let by, _) = event, call.rawValue == channel { by } else { nil }
                }
                #expect(by == .caller)
                let interaction = try #require(try await run.interaction(channel))
                #expect(interaction.agent == "1003")
                #expect(interaction.queue == "support")
                #expect(await run.controller.agent(of: CallID(channel)) == nil)
            }
        }
    }

    @Test("CTIBridge restarts on the same SQLite file: users, tickets and interactions are kept; agents reconnect with their token")
    func serviceRestartKeepsTheData() async throws {
        try await Deployment.with { deployment in
            let before = try deployment.centre
            let client = ServiceClient(base: before.http)
            let token = try await client.login("1005")
            // A ticket created from the desktop, and (on the simulator) a finished call.
            let created = try await client.act(
                #"{"action":"createTicket","subject":"Restart check","description":"kept across restarts","priority":"high"}"#, token: token)
            #expect(created.status == 200, "\(String(decoding: created.body, as: UTF8.self))")
            let ticketID = try #require(((created.object?["result"] as? [String: Any])?["ticketID"] as? String).flatMap { Int64($0) })
            var channel: String?
            if let callers = deployment.callers {
                try await before.onlyAgent("1005", of: deployment.acd)
                let call = try callers.call(menu: "1")
                let connected = await before.events.first { event -> Bool? in
                    if case .connected(let id, "1005", _, _) = event, id.rawValue == call { true } else { nil }
                }
                #expect(connected == true)
                try callers.hangUp(call)
                #expect(try await before.interaction(call) != nil)
                channel = call
            }
            let port = before.http

            try await deployment.stopCentre()
            await #expect(throws: (any Error).self, "the old server is gone") {
                try await ServiceClient(base: port).request(.GET, "/health")
            }

            let after = try await deployment.startCentre()
            let again = ServiceClient(base: after.http)
            // The agent's token was stored: the desktop reconnects without logging in again.
            let me = try await again.request(.GET, "/api/me", token: token)
            #expect(me.status == 200)
            #expect(me.object?["agentID"] as? String == "1005")
            try await again.agentSocket(token: token) { socket in
                let welcome = try await socket.welcome()
                #expect(welcome.agentID == "1005")
                #expect(welcome.displayName == "Giang Vo")
            }
            // Users (and their passwords), the ticket and the interaction are all still there.
            #expect(try await again.login("supervisor").isEmpty == false)
            #expect(try await after.store.users.get(username: "admin").role == .admin)
            let ticket = try await after.store.tickets.get(id: ticketID)
            #expect(ticket.subject == "Restart check")
            #expect(ticket.priority == .high)
            if let channel {
                let interaction = try #require(try await after.store.interactions.find(callID: channel))
                #expect(interaction.agent == "1005")
            }
            #expect(try await again.request(.GET, "/ready").status == 200)
        }
    }
}
