import AMI
import AsteriskSimulator
import CTICore
import Testing

@Suite("reconnect against the simulator")
struct ReconnectTests {
    @Test("the simulator stops mid-stream and comes back: the client reconnects, resyncs, and no action hangs")
    func stopAndRestart() async throws {
        let simulator = AMISimulator(configuration: AMISimulatorConfiguration(users: ["ctibridge": "s3cret"]))
        let port = try await simulator.start()
        var configuration = AMIClientConfiguration(
            host: "127.0.0.1", port: port, credentials: AMICredentials(username: "ctibridge", secret: "s3cret", method: .md5))
        configuration.backoff = Backoff(initial: .milliseconds(50), maximum: .milliseconds(200))
        // Generous enough that a loaded CI machine does not time out the resync and count a
        // second reconnect; an action cut off by the stop still fails at once (checked below).
        configuration.actionTimeout = .seconds(8)
        configuration.listTimeout = .seconds(8)
        let traffic = Task { try await simulator.runTraffic(profile: TrafficProfile(callsPerSecond: 10, timeScale: 0.02), seed: 4) }
        defer { traffic.cancel() }

        try await withClient(configuration) { client, events in
            _ = await collect(events) { $0.isResynced }
            // Mid-stream: events are flowing.
            let flowing = await collect(events) { if case .event(let e) = $0 { e.isEvent(named: "Hangup") } else { false } }
            #expect(!flowing.isEmpty)

            // Actions in flight when Asterisk goes away fail promptly instead of hanging.
            async let pending: Result<AMIEventList, any Error> = {
                do { return .success(try await client.list(.queueStatus())) } catch { return .failure(error) }
            }()
            try await simulator.stop()
            let start = ContinuousClock.now
            if case .failure(let error) = await pending {
                let code = (error as? AMIError)?.code
                #expect(code == .connectionClosed || code == .notConnected || code == .timeout)
            }
            #expect(ContinuousClock.now - start < .seconds(10))
            await #expect { _ = try await client.send(.ping) } throws: { error in
                let code = (error as? AMIError)?.code
                return code == .notConnected || code == .connectionClosed
            }

            // Down for a while: the client keeps retrying with backoff.
            try await Task.sleep(for: .milliseconds(400))
            let deadline = ContinuousClock.now + .seconds(20)
            while client.isConnected, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(!client.isConnected)
            try await simulator.start()
            let after = await collect(events) { $0.isResynced }
            #expect(after.contains { $0.isDisconnected })
            #expect(after.contains(.connected(version: "11.0.0", reconnect: true)))
            guard case .resynced(let snapshot) = after.last else { Issue.record("no resync"); return }
            #expect(snapshot.afterReconnect)
            #expect(!snapshot.queueStatus.isEmpty)
            // The snapshot is the simulator's truth at that moment (calls may have moved on since).
            #expect(snapshot.channels.allSatisfy { $0["Uniqueid"] != nil })
            #expect(client.statistics.reconnects == 1, "events after the restart: \(after)")
            // And the connection works again.
            #expect(try await client.send(.ping)["Ping"] == "Pong")
        }
        try await simulator.stop()
    }
}
