import ARI
import ArgumentParser
import AsteriskSimulator
import CTICore
import Foundation
import Logging
import Telephony

/// `ctibridge-bench ivr-dtmf`: time from a DTMF event to the IVR's next ARI request, over loopback.
struct IVRDTMFBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ivr-dtmf",
        abstract: "p50/p99 time from a caller's DTMF to the IVR's next ARI request, through the ARI simulator over loopback.",
        discussion: """
            The ARI simulator, the events WebSocket client and IVRRunner run in this process on 127.0.0.1. \
            Each call sits in a menu whose prompt is still playing; a key press is barge-in, so the next \
            request is DELETE /playbacks/{id} (then the menu plays again). The time runs from just before \
            the simulator writes ChannelDtmfReceived to the socket to the moment that request reaches the \
            simulator's HTTP handler: event encode, WebSocket, decode, runner, engine, REST client, HTTP.
            """)

    @Option(parsing: .upToNextOption, help: "Concurrent calls for each run.")
    var calls: [Int] = [1, 50, 200]

    @Option(help: "Key presses measured per call.")
    var digits = 200

    @Option(help: "Key presses per call before measuring.")
    var warmUpDigits = 20

    @Option(help: "Pause between one call's key presses, in milliseconds (a caller's pace).")
    var thinkMs = 100

    func validate() throws {
        guard !calls.isEmpty, calls.allSatisfy({ $0 > 0 }), digits > 0, warmUpDigits >= 0, thinkMs >= 0 else {
            throw ValidationError("--calls, --digits must be positive; --warm-up-digits and --think-ms not negative")
        }
    }

    func run() async throws {
        if let load = LoadAverage.line() { print(load) }
        print("\(digits) measured key presses per call after \(warmUpDigits) warm-up; \(thinkMs) ms between a call's presses")
        var rows: [(name: String, samples: LatencySamples)] = []
        for count in calls {
            let samples = try await DTMFRun(calls: count, digits: digits, warmUp: warmUpDigits, think: .milliseconds(thinkMs)).measure()
            rows.append((count == 1 ? "1 call" : "\(count) calls", samples))
            print("  \(count) concurrent: done")
        }
        print("")
        print("DTMF event → next ARI request (barge-in DELETE /playbacks):")
        print(LatencyTable(rows: rows).render())
    }
}

/// One measured run: a simulator, an events client and a runner, `calls` callers pressing keys.
struct DTMFRun {
    var calls: Int
    var digits: Int
    var warmUp: Int
    var think: Duration

    static let flow = """
        {
          "id": "bench", "start": "menu",
          "nodes": [
            {
              "id": "menu", "type": "menu", "prompts": ["sound:bench-menu", "sound:bench-options"],
              "options": { "1": "again", "0": "bye" }, "timeout": 600, "maxRetries": 1, "fallback": "bye"
            },
            { "id": "again", "type": "goto", "target": "menu" },
            { "id": "bye", "type": "hangup" }
          ]
        }
        """

    func measure() async throws -> LatencySamples {
        var logger = Logger(label: "bench.ivr")
        logger.logLevel = .error
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-dtmf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var simConfiguration = ARISimulatorConfiguration(username: "bench", password: "bench-secret", recordingsDirectory: directory)
        simConfiguration.mediaDuration = .seconds(3600)
        simConfiguration.eventDelay = .milliseconds(1)
        var quiet = logger
        quiet.logLevel = .critical  // the HTTP server's shutdown chatter after the run
        let simulator = ARISimulator(configuration: simConfiguration, logger: quiet)
        let catalog = IVRFlowCatalog()
        try catalog.publish(try IVRFlow.decode(json: Data(Self.flow.utf8)), by: "bench")
        let tracker = RequestTracker()
        simulator.requestLog.observe { tracker.logged($0) }

        return try await withThrowingTaskGroup(of: LatencySamples?.self) { group in
            group.addTask {
                try await simulator.run()
                return nil
            }
            var configuration = ARIConfiguration(
                baseURL: await simulator.baseURL(), credentials: ARICredentials(username: "bench", password: "bench-secret"),
                application: "ctibridge")
            configuration.requestTimeout = .seconds(30)
            let client = ARIEventsClient(configuration: configuration, logger: logger)
            let events = client.subscribe(capacity: 100_000)
            let runner = IVRRunner(
                rest: client.rest, catalog: catalog, routes: IVRDNISRoutes(defaultFlowID: "bench"), lookup: IVRCustomerDirectory(),
                handoff: NoACD(), sink: IVROutcomeLog(), clock: ContinuousClock(), logger: logger)
            group.addTask {
                try? await client.run()
                return nil
            }
            group.addTask {
                await runner.run(events: events)
                return nil
            }
            while !simulator.activeApplications.contains("ctibridge") { try await Task.sleep(for: .milliseconds(5)) }

            let samples = try await withThrowingTaskGroup(of: [UInt64].self) { callers in
                for index in 0..<calls {
                    callers.addTask {
                        try await caller(index, simulator: simulator, tracker: tracker)
                    }
                }
                var samples = LatencySamples(capacity: calls * digits)
                for try await part in callers { for value in part { samples.append(value) } }
                return samples
            }
            group.cancelAll()
            return samples
        }
    }

    /// One caller: enters the menu, then presses `1` repeatedly while the prompt plays.
    private func caller(_ index: Int, simulator: ARISimulator, tracker: RequestTracker) async throws -> [UInt64] {
        let channelID = "bench-\(index)-\(UUID().uuidString.prefix(8))"
        tracker.arm(channelID, count: 2)  // answer, play
        try simulator.injectInboundCall(application: "ctibridge", exten: "7000", callerNumber: "+8490\(index)", channelID: channelID)
        _ = try await tracker.wait(channelID)
        var values: [UInt64] = []
        values.reserveCapacity(digits)
        for press in 0..<(warmUp + digits) {
            try await Task.sleep(for: think)
            tracker.arm(channelID, count: 2)  // DELETE playback, POST play
            let start = ContinuousClock.now
            try simulator.injectDTMF(channelID: channelID, digits: "1")
            let entries = try await tracker.wait(channelID)
            guard entries[0].method == "DELETE", entries[1].method == "POST" else {
                throw ValidationError("unexpected requests after a key press: \(entries)")
            }
            if press >= warmUp {
                let elapsed = start.duration(to: entries[0].at).components
                values.append(UInt64(max(0, elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)))
            }
        }
        try simulator.hangUp(channelID: channelID)
        return values
    }
}

/// The benchmark has no ACD: nothing reaches a queue node.
struct NoACD: IVRQueueHandoff {
    func handOff(_ call: IVRQueuedCall) async throws {}
}
