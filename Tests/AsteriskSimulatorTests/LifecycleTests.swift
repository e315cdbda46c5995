import AMI
import AsteriskSimulator
import CTICore
import Logging
import ServiceLifecycle
import TestSupport
import Testing

@Suite("simulator lifecycle, clock and live traffic", .timeLimit(.minutes(5)))
struct LifecycleTests {
    @Test("stop closes every connection; start listens again on the same port with the same PBX")
    func stopAndRestart() async throws {
        let (simulator, port) = try await startAMISimulator()
        simulator.perform { pbx, _ in pbx.originate(CaptureScenario.originateRequest()) }
        try await RawAMIConnection.with(port: port) { connection in
            try await connection.login()
            #expect(await eventually { simulator.authenticatedSessions == 1 })
            try await simulator.stop()
            #expect(!simulator.isListening && simulator.connectionCount == 0)
            while try await connection.next() != nil {}
        }
        #expect(try await simulator.start() == port)
        #expect(try await simulator.restart() == port)
        try await RawAMIConnection.with(port: port) { connection in
            try await connection.login()
            try await connection.send(["Action": "Getvar", "ActionID": "g-1", "Channel": "cap-caller-2", "Variable": "CHANNEL(linkedid)"])
            // The call's own events may come first on a busy machine; the answer is the one with our ActionID.
            #expect(try await connection.read { $0["ActionID"] == "g-1" }?.last?["Value"] == "cap-caller-1")
        }
        try await simulator.stop()
        try await simulator.stop()
    }

    @Test("dropAllConnections closes the sessions but keeps listening")
    func dropConnections() async throws {
        let (simulator, port) = try await startAMISimulator()
        try await RawAMIConnection.with(port: port) { connection in
            try await connection.login()
            simulator.dropAllConnections()
            while try await connection.next() != nil {}
        }
        #expect(simulator.isListening)
        try await RawAMIConnection.with(port: port) { connection in
            let answer = try await connection.login().first
                #expect(answer?.response == "Success")
        }
        try await simulator.stop()
    }

    @Test("as a Service it listens until graceful shutdown, then stops")
    func service() async throws {
        var configuration = AMISimulatorConfiguration(users: ["ctibridge": "s3cret"])
        configuration.port = 0
        let simulator = AMISimulator(configuration: configuration, logger: Logger(label: "test.simulator"))
        let group = ServiceGroup(configuration: .init(services: [simulator], logger: Logger(label: "test.group")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            #expect(await eventually { simulator.isListening })
            let port = try #require(simulator.port)
            try await RawAMIConnection.with(port: port) { connection in
                let answer = try await connection.login().first
                #expect(answer?.response == "Success")
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(!simulator.isListening)

        // Outside a service group, `run()` serves until its task is cancelled.
        let task = Task { try await simulator.run() }
        #expect(await eventually { simulator.isListening })
        task.cancel()
        try await task.value
        #expect(!simulator.isListening)
    }

    @Test("timestamps, uniqueids and call timers follow the injected clock")
    func injectedClock() async throws {
        let clock = ManualClock()
        var configuration = AMISimulatorConfiguration(users: ["ctibridge": "s3cret"])
        configuration.tick = .milliseconds(2)
        let simulator = AMISimulator(configuration: configuration, clock: SimulationClock(clock, epoch: .captureEpoch))
        let port = try await simulator.start()
        try await RawAMIConnection.with(port: port) { connection in
            try await connection.login()
            try await connection.send(["Action": "Ping", "ActionID": "p-1"])
            #expect(try await connection.nextMessage()?["Timestamp"] == WallTime.captureEpoch.timestamp)
            simulator.perform { pbx, _ in
                pbx.settings.agents = AgentBehaviour(ringSeconds: 4...4, noAnswerProbability: 0)
                pbx.originate(CaptureScenario.originateRequest())
            }
            let rung = try #require(try await connection.read { $0.isEvent(named: "AgentCalled") })
            #expect(rung.last?["DestUniqueid"] == "\(WallTime.captureEpoch.seconds).2")
            // The agent answers 4 s later by that clock, and only then.
            clock.advance(by: .seconds(3))
            #expect(try await connection.settle().allSatisfy { !$0.isEvent(named: "AgentConnect") })
            clock.advance(by: .seconds(1))
            let connected = try #require(try await connection.read { $0.isEvent(named: "AgentConnect") })
            #expect(connected.last?["HoldTime"] == "4" && connected.last?["RingTime"] == "4")
            #expect(connected.last?["Timestamp"]?.hasPrefix("\(WallTime.captureEpoch.seconds + 4).") == true)
        }
        try await simulator.stop()
    }

    @Test("live traffic reaches the client; once it stops and calls end, the lists are empty again")
    func liveTraffic() async throws {
        let (simulator, port) = try await startAMISimulator()
        try await withClient(clientConfiguration(port: port)) { client, subscription in
            let traffic = Task { try await simulator.runTraffic(profile: TrafficProfile(callsPerSecond: 10, timeScale: 0.01), seed: 9) }
            var joins = 0
            var completes = 0
            for await event in subscription {
                guard case .event(let message) = event else { continue }
                if message.isEvent(named: "QueueCallerJoin") { joins += 1 }
                if message.isEvent(named: "AgentComplete") || message.isEvent(named: "QueueCallerAbandon") { completes += 1 }
                if joins >= 20 && completes >= 10 { break }
            }
            let during = try await client.list(.queueStatus())
            #expect(during.items(named: "QueueParams").count == 2)
            traffic.cancel()
            _ = await traffic.result
            #expect(!simulator.pbx.isGeneratingTraffic)
            #expect(await eventually { simulator.pbx.channels.isEmpty })
            #expect(try await client.list(.coreShowChannels).items.isEmpty)
            #expect(try await client.list(.queueStatus()).items(named: "QueueEntry").isEmpty)
        }
        try await simulator.stop()
    }
}
