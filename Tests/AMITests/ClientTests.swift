import AMI
import CTICore
import Foundation
import Logging
import Testing
import TestSupport

@Suite("AMI client over loopback")
struct ClientTests {
    @Test("logs in, announces connected, passes FullyBooted on, then resyncs")
    func connectAndResync() async throws {
        let server = try await ScriptedAMIServer(script: Canned.standard)
        let events = try await withClient(testConfiguration(port: server.port)) { client, events in
            await collect(events) { $0.isResynced }
        }
        #expect(events.count == 3)
        #expect(events[0] == .connected(version: "11.0.0", reconnect: false))
        guard case .event(let booted) = events[1] else { Issue.record("expected FullyBooted"); return }
        #expect(booted.eventName == "FullyBooted")
        #expect(events[2] == .resynced(AMISnapshot(channels: [], queueStatus: [], afterReconnect: false)))
        let actions = server.received.compactMap { $0["Action"] }
        #expect(actions == ["Login", "CoreShowChannels", "QueueStatus", "Logoff"])
        try await server.close()
    }

    @Test("MD5 login sends the right key for the server's challenge")
    func md5() async throws {
        let server = try await ScriptedAMIServer { action, _ in
            switch action["Action"] {
            case "Challenge": return .bytes(Canned.success(action, "Challenge: 328395655\r\n"))
            case "Login":
                let ok = action["Key"] == AMICredentials.md5Key(challenge: "328395655", secret: "good") && action["Secret"] == nil
                return ok ? .bytes(Canned.loginOK(action)) : .bytesThenClose("Response: Error\r\nActionID: \(action.actionID!)\r\nMessage: Authentication failed\r\n\r\n")
            default: return Canned.standard(action, 0)
            }
        }
        let first = try await withClient(testConfiguration(port: server.port, method: .md5)) { _, events in
            await collect(events) { $0.isConnected }.last
        }
        #expect(first == .connected(version: "11.0.0", reconnect: false))
        try await server.close()
    }

    @Test("a refused login ends run() with authenticationFailed and is not retried")
    func badLogin() async throws {
        let server = try await ScriptedAMIServer(script: Canned.standard)
        let client = AMIClient(configuration: testConfiguration(port: server.port, secret: "bad"), randomSeed: 1)
        let events = client.subscribe()
        await #expect {
            try await client.run()
        } throws: { error in
            (error as? AMIError)?.code == .authenticationFailed
        }
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.connectionCount == 1)
        var seen: [AMIClientEvent] = []
        for await event in events { seen.append(event) }
        #expect(seen.count == 1)
        guard case .disconnected(let error) = seen.first else { Issue.record("expected disconnected"); return }
        #expect(error.message.contains("Authentication failed"))
        #expect(!error.description.contains("bad"))
        try await server.close()
    }

    @Test("a server that is not Asterisk is a clear, fatal error")
    func notAsterisk() async throws {
        let server = try await ScriptedAMIServer(greeting: "SSH-2.0-OpenSSH_9.2\r\n", script: Canned.standard)
        let client = AMIClient(configuration: testConfiguration(port: server.port), randomSeed: 1)
        await #expect {
            try await client.run()
        } throws: { error in
            (error as? AMIError)?.code == .unexpectedGreeting
        }
        try await server.close()
    }

    @Test("actions: single, list aggregated from the capture, command output, originate, error")
    func actions() async throws {
        let capture = ReferenceSplitter.split(try Fixtures.bytes("ami-queue-call.raw")).messages
        let queueStatus = capture.filter { $0.actionID == "qs-1" }
        let server = try await ScriptedAMIServer { action, _ in
            let id = action.actionID ?? ""
            func relabel(_ messages: [AMIMessage]) -> String {
                messages.map { message in
                    var copy = AMIMessage()
                    for header in message.headers { copy.append(header.name, header.name == "ActionID" ? id : header.value) }
                    return String(decoding: copy.wireBytes, as: UTF8.self)
                }.joined()
            }
            switch action["Action"] {
            case "QueueStatus" where action["Queue"] == "support": return .bytes(relabel(queueStatus))
            case "Command": return .bytes(relabel(capture.filter { $0.actionID == "cmd-1" }))
            case "Originate":
                let channel = action["ChannelId"] ?? ""
                return .bytes(
                    Canned.success(action, "Message: Originate successfully queued\r\n")
                        + "Event: Newchannel\r\nPrivilege: call,all\r\nUniqueid: \(channel)\r\n\r\n"
                        + "Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: \(id)\r\nResponse: Success\r\nChannel: Local/s@customer-00000000;1\r\nReason: 4\r\nUniqueid: \(channel)\r\n\r\n")
            default: return Canned.standard(action, 0)
            }
        }
        try await withClient(testConfiguration(port: server.port)) { client, events in
            _ = await collect(events) { $0.isResynced }
            let list = try await client.list(.queueStatus(queue: "support"))
            #expect(list.items.count == 4)
            #expect(list.items(named: "QueueMember").count == 3)
            #expect(list.items(named: "QueueMember").first?["Name"] != nil)
            #expect(list.complete?["ListItems"] == "4")
            #expect(try await client.command("core show uptime") == ["System uptime: 14 minutes, 52 seconds", "Last reload: 14 minutes, 52 seconds"])
            var originate = AMIOriginate(channel: "Local/s@customer", destination: .extensionTarget(context: "queue-in", exten: "5555", priority: 1))
            originate.channelID = "cap-caller-1"
            let result = try await client.originate(originate)
            #expect(result.succeeded)
            #expect(result.reason == .answered)
            #expect(result.uniqueID == "cap-caller-1")
            // The OriginateResponse also reaches subscribers, after the Newchannel.
            let seen = await collect(events) { if case .event(let e) = $0 { e.isEvent(named: "OriginateResponse") } else { false } }
            #expect(seen.count == 2)
            await #expect {
                _ = try await client.send(AMIAction("NoSuchAction"))
            } throws: { error in
                let error = error as? AMIError
                return error?.code == .actionFailed && error?.message.hasPrefix("Invalid/unknown command: NoSuchAction") == true
            }
        }
        try await server.close()
    }

    @Test("an unanswered action times out instead of hanging")
    func actionTimeout() async throws {
        let server = try await ScriptedAMIServer { action, _ in
            action["Action"] == "Getvar" ? .silence : Canned.standard(action, 0)
        }
        try await withClient(testConfiguration(port: server.port)) { client, events in
            _ = await collect(events) { $0.isResynced }
            let start = ContinuousClock.now
            await #expect {
                _ = try await client.send(.getvar("X"), timeout: .milliseconds(150))
            } throws: { error in
                (error as? AMIError)?.code == .timeout
            }
            #expect(ContinuousClock.now - start < .seconds(10))
            // The connection is still usable.
            let pong = try await client.send(.ping)
            #expect(pong["Ping"] == "Pong")
        }
        try await server.close()
    }

    @Test("a drop in the middle of a list fails the list, and the client reconnects and resyncs")
    func dropMidList() async throws {
        let server = try await ScriptedAMIServer { action, connection in
            if action["Action"] == "Status" {
                let id = action.actionID ?? ""
                return .bytesThenClose(
                    Canned.success(action, "EventList: start\r\nMessage: Channel status will follow\r\n")
                        + "Event: Status\r\nActionID: \(id)\r\nChannel: PJSIP/1001-00000001\r\n\r\n")
            }
            return Canned.standard(action, connection)
        }
        try await withClient(testConfiguration(port: server.port)) { client, events in
            _ = await collect(events) { $0.isResynced }
            await #expect {
                _ = try await client.list(.status)
            } throws: { error in
                (error as? AMIError)?.code == .connectionClosed
            }
            let after = await collect(events) { $0.isResynced }
            #expect(after.first?.isDisconnected == true)
            #expect(after.contains(.connected(version: "11.0.0", reconnect: true)))
            guard case .resynced(let snapshot) = after.last else { Issue.record("expected resync"); return }
            #expect(snapshot.afterReconnect)
            #expect(server.connectionCount == 2)
        }
        try await server.close()
    }

    @Test("a missed Pong counts the connection as dead and the client reconnects")
    func keepalive() async throws {
        let server = try await ScriptedAMIServer { action, connection in
            // The first connection stops answering pings.
            if action["Action"] == "Ping" && connection == 1 { return .silence }
            return Canned.standard(action, connection)
        }
        var configuration = testConfiguration(port: server.port)
        configuration.pingInterval = .milliseconds(100)
        // Long enough that a loaded machine does not miss an answered Pong; the silent one still times out.
        configuration.pingTimeout = .seconds(1)
        try await withClient(configuration) { client, events in
            _ = await collect(events) { $0.isResynced }
            let after = await collect(events) { $0.isResynced }
            #expect(after.contains(.connected(version: "11.0.0", reconnect: true)))
            // Pings on the second connection are answered: the pings keep coming and the client stays up.
            let deadline = ContinuousClock.now + .seconds(10)
            while server.received.filter({ $0["Action"] == "Ping" }).count < 3, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(client.isConnected)
            #expect(server.received.filter { $0["Action"] == "Ping" }.count >= 3)
        }
        try await server.close()
    }

    @Test("actions while disconnected fail at once with notConnected")
    func notConnected() async throws {
        let client = AMIClient(configuration: testConfiguration(port: 1), randomSeed: 1)
        await #expect {
            _ = try await client.send(.ping)
        } throws: { error in
            (error as? AMIError)?.code == .notConnected
        }
    }

    @Test("an action sent the moment .connected arrives is carried, not refused as notConnected")
    func sendRightAfterConnected() async throws {
        let server = try await ScriptedAMIServer(script: Canned.standard)
        let pong = try await withClient(testConfiguration(port: server.port)) { client, events in
            _ = await collect(events) { $0.isConnected }
            return try await client.send(.ping)
        }
        #expect(pong["Ping"] == "Pong")
        try await server.close()
    }

    @Test("shutdown logs off, closes, ends run() and finishes subscriptions")
    func shutdown() async throws {
        let server = try await ScriptedAMIServer(script: Canned.standard)
        let client = AMIClient(configuration: testConfiguration(port: server.port), randomSeed: 1)
        let events = client.subscribe()
        let task = Task { try await client.run() }
        _ = await collect(events) { $0.isResynced }
        task.cancel()
        try await task.value
        var rest: [AMIClientEvent] = []
        for await event in events { rest.append(event) }
        #expect(rest.allSatisfy { !$0.isConnected })
        #expect(server.received.last?["Action"] == "Logoff")
        #expect(!client.isConnected)
        try await server.close()
    }

    @Test("a slow subscriber loses the oldest events, is told how many, and never stalls the reader")
    func slowSubscriber() async throws {
        let server = try await ScriptedAMIServer { action, connection in
            guard action["Action"] == "Command" else { return Canned.standard(action, connection) }
            let burst = (0..<500).map { "Event: Newchannel\r\nPrivilege: call,all\r\nUniqueid: 1795370461.\($0)\r\n\r\n" }.joined()
            return .bytes(burst + Canned.success(action, "Message: Command output follows\r\nOutput: done\r\n"))
        }
        try await withClient(testConfiguration(port: server.port), capacity: 50) { client, slow in
            let fast = client.subscribe(capacity: 10_000)
            _ = await collect(slow) { $0.isResynced }
            _ = await collect(fast) { _ in true }
            // The reader answers the command although the slow subscriber reads nothing.
            #expect(try await client.command("burst") == ["done"])
            let all = await collect(fast, limit: 500) { _ in false }
            #expect(all.count == 500)
            try await Task.sleep(for: .milliseconds(50))
            var seen: [AMIClientEvent] = []
            while seen.count < 51, let event = await slow.first(where: { _ in true }) { seen.append(event) }
            #expect(seen.first == .eventsDropped(count: 450))
            guard case .event(let oldestKept) = seen[1] else { Issue.record("expected event"); return }
            #expect(oldestKept["Uniqueid"] == "1795370461.450")
            #expect(slow.droppedCount == 450)
            #expect(client.statistics.eventsDropped == 450)
            #expect(client.statistics.eventsReceived >= 501)
        }
        try await server.close()
    }
}
