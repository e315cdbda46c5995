import ARI
import ArgumentParser
import AsteriskSimulator
import CTIApp
import CTICore
import CTIDemo
import CTIServer
import Foundation
import Logging
import ServiceLifecycle
import Storage
import Telephony
import WSClient

/// `ctibridge-bench cti-load`: the whole service under call load, measured from the Asterisk event
/// to the screen-pop at the agent's socket.
struct CTILoadBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cti-load",
        abstract: "The whole contact centre on the ARI simulator: agent WebSockets, calls through IVR → ACD → offer pop.",
        discussion: """
            Runs in one process: the ARI simulator, the contact centre (ContactCentre with a SQLite temp file, \
            Hummingbird on 127.0.0.1:0) and every agent's WebSocket client, so CPU and RSS cover all three. Agents \
            get API tokens from the store and connect to /ws/agent. Callers arrive as Poisson arrivals; each one's \
            StasisStart goes through the IVR (answer, CRM lookup) to the queue, the ACD offers the call and rings the \
            agent's simulated phone, which answers; the caller hangs up after the talk time and the agent wraps up. \
            Latency: from the simulator emitting the caller's StasisStart (monotonic clock, right after the event is \
            handed to the events socket) to the agent's client reading the offer frame for that call id.
            """)

    @Option(help: "Agents (each with one WebSocket).")
    var agents = 2_000

    @Option(help: "Average call arrivals per second.")
    var rate: Double = 100

    @Option(help: "Seconds of arrivals.")
    var seconds = 60

    @Option(help: "Shortest talk time in seconds.")
    var talkMin: Double = 3

    @Option(help: "Longest talk time in seconds.")
    var talkMax: Double = 6

    @Option(help: "Wrap-up seconds after each call.")
    var wrapUp: Double = 1

    @Option(help: "Milliseconds an agent's phone rings before it answers.")
    var answerDelay = 500

    @Option(help: "Seed for arrivals, callers and talk times.")
    var seed: UInt64 = 2026

    func validate() throws {
        guard agents > 0, rate > 0, seconds > 0 else { throw ValidationError("--agents, --rate and --seconds must be positive") }
        guard talkMin > 0, talkMax >= talkMin, wrapUp >= 0, answerDelay >= 0 else {
            throw ValidationError("talk times must be positive (min ≤ max), wrap-up and answer delay not negative")
        }
        let busy = rate * (Double(answerDelay) / 1000 + talkMax + wrapUp)
        guard busy < Double(agents) * 0.9 else {
            throw ValidationError("\(agents) agents cannot take \(rate) calls/s with these times (about \(Int(busy)) busy at once)")
        }
    }

    func run() async throws {
        if let load = LoadAverage.line() { print(load) }
        var logger = Logger(label: "bench.cti-load")
        logger.logLevel = ProcessInfo.processInfo.environment["BENCH_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .error
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ctibridge-cti-load-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let site = CTILoadSite(agents: agents)
        let setupStart = LatencySamples.now()
        let store = try CTIStore.open(StorageConfiguration(path: directory.appendingPathComponent("ctibridge.sqlite").path, defaultCountry: "VN"))
        let tokens = try await site.seed(store)
        print("store: \(tokens.count) agents with API tokens in \(NumberFormat.fixed(Double(LatencySamples.now() - setupStart) / 1e9, 1)) s")

        let password = "bench-\(UInt32.random(in: .min ... .max))"
        let simulator = DemoAssembly.simulator(
            recordings: directory.appendingPathComponent("recordings"), password: password,
            answerDelay: .milliseconds(answerDelay), logger: logger)
        let simulatorTask = Task { try await simulator.run() }
        defer { simulatorTask.cancel() }
        var ari = ARIConfiguration(
            baseURL: await simulator.baseURL(), credentials: ARICredentials(username: "ctibridge", password: password), application: "ctibridge")
        ari.requestTimeout = .seconds(10)
        let (catalog, routes) = try site.flows()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let centre = try ContactCentre(
            store: store, ari: ari, acd: site.controller(wrapUp: wrapUp), catalog: catalog, routes: routes,
            server: CTIServerConfiguration(host: "127.0.0.1", port: 0), logger: logger,
            onServerRunning: { portContinuation.yield($0) })
        let callers = DemoCallers(
            simulator: simulator, behaviour: .init(callsPerSecond: rate, talkSeconds: talkMin...talkMax, dnis: CTILoadSite.dnis, seed: seed),
            logger: logger)
        let hangUps = centre.controller.events(capacity: 100_000)
        let group = ServiceGroup(configuration: .init(services: [.init(service: centre)], gracefulShutdownSignals: [], logger: logger))
        let service = Task { try await group.run() }

        var portIterator = ports.makeAsyncIterator()
        guard let port = await portIterator.next() else { throw ValidationError("the CTI server did not start") }
        try await waitUntil(timeout: 30) { centre.events.statistics.isConnected }
        for agent in site.agentIDs {
            try await centre.controller.login(AgentID(agent))
            try await centre.controller.ready(AgentID(agent))
        }

        let recorder = CTILoadRecorder(expected: Int(rate * Double(seconds) * 1.2))
        let rssBefore = ProcessStats.residentMegabytes()
        let connectStart = LatencySamples.now()
        let clients = Task {
            await withTaskGroup(of: Void.self) { sockets in
                for (index, agent) in site.agentIDs.enumerated() {
                    let url = "ws://127.0.0.1:\(port)/ws/agent?token=\(tokens[agent] ?? "")"
                    sockets.addTask { try? await Self.agentSocket(url: url, recorder: recorder) }
                    // Connect in batches so the listen backlog is never overrun.
                    if (index + 1) % 250 == 0 {
                        let target = index + 1
                        try? await waitUntil(timeout: 60) { await centre.hub.connectionCounts.agentSockets >= target }
                    }
                }
                await sockets.waitForAll()
            }
        }
        try await waitUntil(timeout: 120) { await centre.hub.connectionCounts.agentSockets >= agents }
        let rssConnected = ProcessStats.residentMegabytes()
        print("\(agents) agents logged in and connected in \(NumberFormat.fixed(Double(LatencySamples.now() - connectStart) / 1e9, 2)) s; RSS \(NumberFormat.fixed(rssBefore, 1)) → \(NumberFormat.fixed(rssConnected, 1)) MB")
        print("calls arriving at \(NumberFormat.fixed(rate, 0))/s (Poisson) for \(seconds) s; talk \(talkMin)–\(talkMax) s, wrap-up \(wrapUp) s, phones answer after \(answerDelay) ms …")

        let followers = Task { await callers.follow(hangUps) }
        let cpuStart = ProcessStats.cpuSeconds()
        let wallStart = LatencySamples.now()
        var peakRSS = rssConnected
        var generator = BenchmarkRandom(seed: seed)
        let clock = ContinuousClock()
        let start = clock.now
        let end = start + .seconds(seconds)
        var next = start
        var placed = 0
        var failed = 0
        var lastSecond = start
        while true {
            let gap = -log(1 - generator.unit()) / rate
            next = next + .nanoseconds(Int64(gap * 1e9))
            guard next < end else { break }
            try await clock.sleep(until: next)
            let caller = DemoSite.callers[Int(generator.next() % UInt64(DemoSite.callers.count))]
            let channel = "load-\(placed)"
            do {
                try simulator.injectInboundCall(
                    application: "ctibridge", exten: CTILoadSite.dnis, callerName: caller.name, callerNumber: caller.number, channelID: channel)
                recorder.emitted(channel, at: LatencySamples.now())
                placed += 1
            } catch {
                failed += 1
            }
            if clock.now - lastSecond >= .seconds(1) {
                lastSecond = clock.now
                let elapsed = Int((clock.now - start).components.seconds)
                if elapsed > 0, elapsed % 10 == 0, let queue = await centre.controller.snapshot(of: CTILoadSite.queue) {
                    let agentStates = queue.agents.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
                    print("  at \(elapsed) s: \(placed) placed, \(recorder.offers) offered; waiting \(queue.waiting); agents \(agentStates.joined(separator: ", "))")
                }
                peakRSS = max(peakRSS, ProcessStats.residentMegabytes())
                // The simulator's request log is a test aid that would grow without bound here.
                simulator.requestLog.clear()
            }
        }
        let placedCalls = placed
        try? await waitUntil(timeout: 15) { recorder.offers >= placedCalls }
        let wallSeconds = Double(LatencySamples.now() - wallStart) / 1e9
        let cpuSeconds = ProcessStats.cpuSeconds() - cpuStart
        peakRSS = max(peakRSS, ProcessStats.residentMegabytes())
        let result = recorder.snapshot()

        print(LatencyTable(rows: [("StasisStart → offer frame", result.samples)]).render())
        print("offers expected \(result.placed), received \(result.offers), lost \(result.placed - result.offers); re-offers/unknown \(result.duplicates)/\(result.unknown); calls not placed \(failed)")
        print("other frames at agents: \(result.otherFrames) (welcome, state, connected, call-ended, wrap-up)")
        print("CPU \(NumberFormat.fixed(cpuSeconds, 1)) s (user+sys) over \(NumberFormat.fixed(wallSeconds, 1)) s wall = \(NumberFormat.fixed(100 * cpuSeconds / wallSeconds, 0)) % of one core (simulator + service + \(agents) clients)")
        print("RSS peak during calls \(NumberFormat.fixed(peakRSS, 1)) MB; process high-water mark \(NumberFormat.fixed(ProcessStats.highWaterMegabytes(), 1)) MB")

        followers.cancel()
        await group.triggerGracefulShutdown()
        try? await waitUntil(timeout: 30) { await centre.hub.connectionCounts.agentSockets == 0 }
        clients.cancel()
        _ = await service.result
        simulatorTask.cancel()
        _ = await simulatorTask.result
        try? store.close()
    }

    /// One agent's socket: times offer frames by call id and counts the rest.
    static func agentSocket(url: String, recorder: CTILoadRecorder) async throws {
        var logger = Logger(label: "bench.ws")
        logger.logLevel = .critical
        try await WebSocketClient.connect(url: url, logger: logger) { inbound, _, _ in
            for try await message in inbound.messages(maxSize: 1 << 16) {
                let now = LatencySamples.now()
                guard case .text(let text) = message else { continue }
                if text.hasPrefix(#"{"v":1,"type":"offer""#) || text.contains(#""type":"offer""#) {
                    recorder.offerArrived(callID(in: text) ?? "", at: now)
                } else {
                    recorder.otherFrame()
                }
            }
        }
    }

    /// The pop's call id (`"callID":"…"`), without decoding the whole frame.
    static func callID(in text: String) -> String? {
        guard let range = text.range(of: #""callID":""#) else { return nil }
        let rest = text[range.upperBound...]
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<close])
    }
}

/// Polls `condition` every 10 ms until it holds; throws after `timeout` seconds.
func waitUntil(timeout: Double, _ condition: @Sendable () async -> Bool) async throws {
    let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
    while await !condition() {
        guard ContinuousClock.now < deadline else { throw ValidationError("timed out after \(timeout) s") }
        try await Task.sleep(for: .milliseconds(10))
    }
}
