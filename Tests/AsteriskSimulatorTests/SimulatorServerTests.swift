import AMI
import AsteriskSimulator
import CTICore
import Foundation
import Logging
import Testing

/// A simulator on a free loopback port, and a client configuration for it.
func startSimulator(delay: Duration = .milliseconds(50)) async throws -> (AMISimulator, AMIClientConfiguration) {
    var configuration = AMISimulatorConfiguration(users: ["ctibridge": "s3cret"])
    configuration.failedLoginDelay = delay
    let simulator = AMISimulator(configuration: configuration)
    let port = try await simulator.start()
    var client = AMIClientConfiguration(host: "127.0.0.1", port: port, credentials: AMICredentials(username: "ctibridge", secret: "s3cret"))
    client.backoff = Backoff(initial: .milliseconds(20), maximum: .milliseconds(200))
    client.actionTimeout = .seconds(5)
    return (simulator, client)
}

/// Runs `body` with a connected client; returns after cancelling it.
func withConnectedClient<T: Sendable>(
    _ configuration: AMIClientConfiguration, _ body: @escaping @Sendable (AMIClient, AMIEventSubscription) async throws -> T
) async throws -> T {
    let client = AMIClient(configuration: configuration, randomSeed: 1)
    let events = client.subscribe()
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await client.run()
            return nil
        }
        group.addTask {
            for await event in events { if case .resynced = event { break } }
            return try await body(client, events)
        }
        while let result = try await group.next() {
            if let result {
                group.cancelAll()
                return result
            }
        }
        throw CancellationError()
    }
}

/// Reads events until one named `name` arrives (or the stream ends).
func nextEvent(named name: String, in events: AMIEventSubscription) async -> AMIMessage? {
    for await event in events {
        if case .event(let message) = event, message.isEvent(named: name) { return message }
    }
    return nil
}

@Suite("AMI simulator over loopback")
struct SimulatorServerTests {
    @Test("plain and MD5 logins are accepted; FullyBooted follows like the capture")
    func logins() async throws {
        let (simulator, configuration) = try await startSimulator()
        for method in AMICredentials.Method.allCases {
            var config = configuration
            config.credentials.method = method
            let client = AMIClient(configuration: config, randomSeed: 1)
            let events = client.subscribe()
            let task = Task { try await client.run() }
            var seen: [AMIClientEvent] = []
            for await event in events {
                seen.append(event)
                if case .resynced = event { break }
            }
            task.cancel()
            try await task.value
            #expect(seen.first == .connected(version: "11.0.0", reconnect: false))
            guard case .event(let booted) = seen[1] else { Issue.record("no FullyBooted"); continue }
            #expect(try CaptureShapes.eventShapes()["FullyBooted"]?.contains(CaptureShapes.names(booted)) == true)
        }
        try await simulator.stop()
    }

    @Test("a wrong secret is refused after the delay and the socket closed; the client does not retry")
    func badLogin() async throws {
        let (simulator, configuration) = try await startSimulator(delay: .milliseconds(300))
        var config = configuration
        config.credentials.secret = "wrong"
        let client = AMIClient(configuration: config, randomSeed: 1)
        let start = ContinuousClock.now
        await #expect {
            try await client.run()
        } throws: { error in
            (error as? AMIError)?.code == .authenticationFailed
        }
        #expect(ContinuousClock.now - start >= .milliseconds(300))
        try await simulator.stop()
    }

    @Test("event lists reproduce the capture's shapes and reflect calls in progress")
    func lists() async throws {
        let (simulator, configuration) = try await startSimulator()
        simulator.perform { pbx, now in
            let (caller, events) = pbx.newChannel(resource: "PJSIP/trunk", state: 6, callerNumber: "0912345678", callerName: "Nguyen Van A", context: "from-trunk", exten: "5000", at: now)
            return events + pbx.runApplication(caller.uniqueID, "Queue", data: "support", at: now) + pbx.joinQueue(caller.uniqueID, queue: "support", at: now)
        }
        let capture = try CaptureShapes.eventShapes()
        try await withConnectedClient(configuration) { client, _ in
            let channels = try await client.list(.coreShowChannels)
            #expect(channels.items.count == 1)
            #expect(capture["CoreShowChannel"]!.contains(CaptureShapes.names(channels.items[0])))
            #expect(capture["CoreShowChannelsComplete"]!.contains(CaptureShapes.names(channels.complete!)))
            let queues = try await client.list(.queueStatus(queue: "support"))
            #expect(queues.items(named: "QueueMember").count == 3)
            #expect(capture["QueueParams"]!.contains(CaptureShapes.names(queues.items(named: "QueueParams")[0])))
            #expect(capture["QueueMember"]!.contains(CaptureShapes.names(queues.items(named: "QueueMember")[0])))
            #expect(queues.items(named: "QueueEntry").first?["CallerIDNum"] == "0912345678")
            let summary = try await client.list(.queueSummary())
            #expect(summary.items.count == 2)
            #expect(capture["QueueSummary"]!.contains(CaptureShapes.names(summary.items[0])))
            let status = try await client.list(.status)
            #expect(capture["Status"]!.contains(CaptureShapes.names(status.items[0])))
            #expect(capture["StatusComplete"]!.contains(CaptureShapes.names(status.complete!)))
        }
        try await simulator.stop()
    }

    @Test("Originate with preset ids, QueueAdd/Pause/Remove with their events, Hangup by uniqueid, Command, Getvar")
    func actions() async throws {
        let (simulator, configuration) = try await startSimulator()
        try await withConnectedClient(configuration) { client, events in
            var originate = AMIOriginate(channel: "Local/s@customer/n", destination: .extensionTarget(context: "queue-in", exten: "5555", priority: 1))
            originate.channelID = "cap-caller-1"
            originate.otherChannelID = "cap-caller-2"
            originate.callerID = "\"Nguyen Van A\" <0912345678>"
            originate.variables = [("CTI_A", "1"), ("CTI_B", "x,y")]
            let result = try await client.originate(originate)
            #expect(result.succeeded && result.reason == .answered && result.uniqueID == "cap-caller-1")
            #expect(try await client.send(.getvar("CHANNEL(linkedid)", channel: "cap-caller-2"))["Value"] == "cap-caller-1")
            #expect(try await client.send(.getvar("CTI_B", channel: "cap-caller-1"))["Value"] == "x,y")

            _ = try await client.send(.queueAdd(queue: "support", interface: "PJSIP/1009", memberName: "Zoe", penalty: 1))
            let added = await nextEvent(named: "QueueMemberAdded", in: events)
            #expect(added?["MemberName"] == "Zoe")
            _ = try await client.send(.queuePause(interface: "PJSIP/1009", paused: true, queue: "support", reason: "lunch"))
            let paused = await nextEvent(named: "QueueMemberPause", in: events)
            #expect(paused?["PausedReason"] == "lunch" && paused?["Paused"] == "1")
            _ = try await client.send(.queueRemove(queue: "support", interface: "PJSIP/1009"))
            #expect(await nextEvent(named: "QueueMemberRemoved", in: events)?["Interface"] == "PJSIP/1009")
            await #expect { _ = try await client.send(.queueRemove(queue: "support", interface: "PJSIP/1001")) } throws: { error in
                (error as? AMIError)?.message.contains("Not a dynamic member") == true
            }
            await #expect { _ = try await client.send(.queueAdd(queue: "nope", interface: "PJSIP/1")) } throws: { error in
                (error as? AMIError)?.code == .actionFailed
            }

            #expect(try await client.send(.hangup(channel: "cap-caller-1"))["Message"] == "Channel Hungup")
            let hangup = await nextEvent(named: "Hangup", in: events)
            #expect(hangup?["Cause-txt"] == "Normal Clearing")
            await #expect { _ = try await client.send(.hangup(channel: "no-such")) } throws: { error in
                (error as? AMIError)?.message == "No such channel"
            }
            let uptime = try await client.command("core show uptime")
            #expect(uptime.first?.hasPrefix("System uptime:") == true)
            await #expect { _ = try await client.command("bogus thing") } throws: { error in
                (error as? AMIError)?.response?.values("Output").first?.hasPrefix("No such command") == true
            }
            await #expect { _ = try await client.send(AMIAction("NoSuchAction")) } throws: { error in
                (error as? AMIError)?.message == "Invalid/unknown command: NoSuchAction. Use Action: ListCommands to show available commands."
            }
        }
        try await simulator.stop()
    }

    @Test("an originate to an unknown technology fails through OriginateResponse")
    func originateFailure() async throws {
        let (simulator, configuration) = try await startSimulator()
        try await withConnectedClient(configuration) { client, _ in
            let result = try await client.originate(AMIOriginate(channel: "Bogus/123", destination: .application(name: "Wait", data: "1")))
            #expect(!result.succeeded)
            #expect(result.reason == .failed)
        }
        try await simulator.stop()
    }

    @Test("Events: off stops async events but not responses or list items")
    func eventsOff() async throws {
        let (simulator, configuration) = try await startSimulator()
        var config = configuration
        config.credentials.events = "off"
        try await withConnectedClient(config) { client, events in
            simulator.perform { pbx, now in pbx.newChannel(resource: "PJSIP/x", state: 6, context: "c", exten: "s", at: now).1 }
            #expect(try await client.list(.coreShowChannels).items.count == 1)
            try await Task.sleep(for: .milliseconds(100))
            #expect(events.bufferedCount == 0)
            #expect(client.statistics.eventsReceived == 0)
        }
        try await simulator.stop()
    }

    @Test("live traffic reaches the client and the channel list stays consistent with the events")
    func traffic() async throws {
        let (simulator, configuration) = try await startSimulator()
        let traffic = Task { try await simulator.runTraffic(profile: TrafficProfile(callsPerSecond: 40, timeScale: 0.01), seed: 9) }
        try await withConnectedClient(configuration) { client, events in
            var joins = 0
            var hangups = 0
            for await event in events {
                guard case .event(let message) = event else { continue }
                if message.isEvent(named: "QueueCallerJoin") { joins += 1 }
                if message.isEvent(named: "Hangup") { hangups += 1 }
                if joins >= 20 && hangups >= 20 { break }
            }
            #expect(joins >= 20)
            traffic.cancel()
            _ = await traffic.result
            let listed = try await client.list(.coreShowChannels).items.compactMap { $0["Uniqueid"] }
            #expect(Set(listed) == Set(simulator.pbx.channels.keys))
            #expect(listed.count == simulator.pbx.channelOrder.count)
        }
        try await simulator.stop()
    }
}
