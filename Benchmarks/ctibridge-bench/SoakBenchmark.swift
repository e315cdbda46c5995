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
import Synchronization
import Telephony

/// `ctibridge-bench soak`: the demo's traffic at a high rate for a long time, through the whole
/// service; reports memory growth and lost events (which must be 0).
struct SoakBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Demo traffic (simulator → IVR → ACD → pops → SQLite) at a steady rate; RSS start/end/peak and lost events.",
        discussion: """
            Runs in this process: the ARI simulator, the whole contact centre (ContactCentre) on a temporary \
            SQLite file and its HTTP server, and the demo's callers (Poisson arrivals; they answer the IVR, wait, \
            talk and hang up). The site is the demo's two queues with --agents agents. Every call placed must \
            come out as a stored interaction; the ACD's subscribers and the ARI events client must drop nothing. \
            The simulator's own request log is cleared at every sample so that only CTIBridge's memory is measured.
            """)

    @Option(help: "Average new calls per second.")
    var callsPerSecond: Double = 20

    @Option(help: "Seconds of traffic.")
    var duration: Double = 600

    @Option(help: "Agents, all ready (enough for the rate: about rate × (ring + talk + wrap-up)).")
    var agents = 300

    @Option(help: "Shortest talk time in seconds (uniform up to twice this).")
    var talkSeconds: Double = 3

    @Option(help: "Seconds between progress lines.")
    var sampleEvery: Double = 30

    @Option(help: "Seconds allowed after the traffic for calls in progress to finish.")
    var drain: Double = 90

    func validate() throws {
        guard callsPerSecond > 0, duration > 0, agents > 0, talkSeconds > 0, sampleEvery > 0, drain >= 0 else {
            throw ValidationError("every option must be positive")
        }
    }

    func run() async throws {
        if let load = LoadAverage.line() { say(load) }
        say("soak: \(callsPerSecond) calls/s for \(Int(duration)) s, \(agents) agents, talk \(talkSeconds)–\(talkSeconds * 2) s")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctibridge-soak-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var logger = Logger(label: "soak")
        logger.logLevel = .error

        // The simulator is stopped by cancellation at the end; its own logs stay quiet.
        var simulatorLogger = logger
        simulatorLogger.logLevel = .critical
        let simulator = DemoAssembly.simulator(
            recordings: folder.appendingPathComponent("recordings"), password: "soak-secret", answerDelay: .milliseconds(800),
            mediaDuration: .milliseconds(400), logger: simulatorLogger)
        let simulatorTask = Task { try await simulator.run() }
        let store = try await DemoAssembly.store(path: folder.appendingPathComponent("ctibridge.sqlite").path)
        var ari = ARIConfiguration(
            baseURL: await simulator.baseURL(), credentials: ARICredentials(username: "ctibridge", password: "soak-secret"),
            application: "ctibridge")
        ari.requestTimeout = .seconds(10)
        let (catalog, routes) = try DemoAssembly.flows()
        let started = Date()
        let openHour = Date(timeIntervalSince1970: 1_795_402_800)
        let site = Self.site(agents: agents)
        let centre = try ContactCentre(
            store: store, ari: ari, acd: site, catalog: catalog, routes: routes, server: CTIServerConfiguration(host: "127.0.0.1", port: 0),
            ivrNow: { openHour.addingTimeInterval(Date().timeIntervalSince(started)) }, logger: logger)
        let tally = SoakTally()
        let counted = centre.controller.events()
        let hangUps = centre.controller.events()
        let callers = DemoCallers(
            simulator: simulator, behaviour: .init(callsPerSecond: callsPerSecond, talkSeconds: talkSeconds...(talkSeconds * 2), seed: 7),
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [.init(service: centre)], logger: logger))
        let service = Task { try await group.run() }
        let following = Task { await callers.follow(hangUps) }
        let counting = Task { for await event in counted { tally.count(event) } }
        while !centre.events.statistics.isConnected { try await Task.sleep(for: .milliseconds(50)) }
        for agent in site.engine.agents.map(\.id) {
            try await centre.controller.login(agent)
            try await centre.controller.ready(agent)
        }

        let rssStart = ProcessStats.residentMegabytes()
        let clock = ContinuousClock()
        let begin = clock.now
        say(["t (s)", "placed", "finished", "open", "RSS MB", "peak MB"].map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined())
        let placing = Task { await Self.place(callers: callers, rate: callsPerSecond, until: begin + .seconds(duration), tally: tally) }
        var nextSample = begin + .seconds(sampleEvery)
        while clock.now < begin + .seconds(duration) {
            try await Task.sleep(until: min(nextSample, begin + .seconds(duration)), clock: clock)
            if clock.now >= nextSample {
                simulator.requestLog.clear()
                Self.printSample(at: clock.now - begin, tally: tally)
                nextSample = nextSample + .seconds(sampleEvery)
            }
        }
        await placing.value
        // Let the calls in progress finish.
        let drainEnd = clock.now + .seconds(drain)
        while clock.now < drainEnd, tally.unfinished > 0 || !simulator.channelsInStasis(application: "ctibridge").isEmpty {
            try await Task.sleep(for: .milliseconds(200))
        }
        simulator.requestLog.clear()
        Self.printSample(at: clock.now - begin, tally: tally)

        // Every finished call must be stored; calls still open after the drain are reported apart.
        var missing = 0
        let open = tally.openChannels
        for channel in tally.placedChannels where !open.contains(channel) {
            if try await store.interactions.find(callID: channel) == nil { missing += 1 }
        }
        let statistics = centre.events.statistics
        let rssEnd = ProcessStats.residentMegabytes()
        let peak = ProcessStats.highWaterMegabytes()
        let snapshot = tally.snapshot
        await group.triggerGracefulShutdown()
        _ = await service.result
        following.cancel()
        counting.cancel()
        simulatorTask.cancel()
        _ = await simulatorTask.result
        try store.close()

        let lost = snapshot.dropped + statistics.eventsDropped + statistics.malformedEvents + missing
        say("")
        say("calls placed \(snapshot.placed) (refused by the simulator: \(snapshot.refused)), answered \(snapshot.ended), abandoned \(snapshot.abandoned), left queue \(snapshot.left), still in progress \(tally.unfinished)")
        say("ARI events received \(statistics.eventsReceived), reconnects \(statistics.reconnects)")
        say(String(format: "RSS start %.1f MB, end %.1f MB (growth %+.1f MB), peak %.1f MB", rssStart, rssEnd, rssEnd - rssStart, peak))
        say("lost events: \(lost) (ACD subscriber drops \(snapshot.dropped), ARI drops \(statistics.eventsDropped), malformed \(statistics.malformedEvents), calls without an interaction \(missing))")
        if open.count > 0 {
            say("\(open.count) calls were still open after the \(Int(drain)) s drain: the service (or this machine) did not keep up with the rate")
        }
        if lost > 0 || open.count > 0 { throw ExitCode(1) }
    }

    /// Poisson arrivals at `rate` until `end`.
    static func place(callers: DemoCallers, rate: Double, until end: ContinuousClock.Instant, tally: SoakTally) async {
        var random = SeededGenerator(seed: 11)
        var next = ContinuousClock.now
        while next < end {
            next = next + .milliseconds(Int(-log(1 - Double.random(in: 0..<1, using: &random)) / rate * 1000))
            try? await Task.sleep(until: next, clock: ContinuousClock())
            do {
                tally.placed(try callers.placeCall())
            } catch {
                tally.refused()
            }
        }
    }

    static func printSample(at elapsed: Duration, tally: SoakTally) {
        let snapshot = tally.snapshot
        let cells = [
            "\(elapsed.components.seconds)", "\(snapshot.placed)", "\(snapshot.ended + snapshot.abandoned + snapshot.left)", "\(tally.unfinished)",
            String(format: "%.1f", ProcessStats.residentMegabytes()), String(format: "%.1f", ProcessStats.highWaterMegabytes()),
        ]
        say(cells.map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined())
    }

    /// The demo's queues with `agents` agents: the first half sales first, the rest support first.
    static func site(agents count: Int) -> ACDControllerConfiguration {
        var engine = DemoSite.acd(wrapUp: 1)
        engine.agents = (0..<count).map { index in
            AgentConfiguration(
                id: AgentID(String(format: "a%04d", index)),
                memberships: index < count / 2 ? [.init("sales"), .init("support", penalty: 1)] : [.init("support"), .init("sales", penalty: 1)],
                skills: ["sales": 5, "support": 5])
        }
        var configuration = ACDControllerConfiguration(
            engine: engine, agentEndpoints: Dictionary(uniqueKeysWithValues: engine.agents.map { ($0.id, "PJSIP/\($0.id.rawValue)") }))
        configuration.announcementInterval = 20
        return configuration
    }
}

/// What the soak saw: calls placed and how they finished, and dropped ACD events.
final class SoakTally: Sendable {
    struct Snapshot {
        var placed = 0
        var refused = 0
        var ended = 0
        var abandoned = 0
        var left = 0
        var dropped = 0
    }

    private let state = Mutex((snapshot: Snapshot(), channels: [String](), open: Set<String>()))

    var snapshot: Snapshot { state.withLock { $0.snapshot } }
    var placedChannels: [String] { state.withLock { $0.channels } }
    /// Calls placed and not finished yet.
    var unfinished: Int { state.withLock { $0.open.count } }
    var openChannels: Set<String> { state.withLock { $0.open } }

    func placed(_ channel: String) {
        state.withLock {
            $0.snapshot.placed += 1
            $0.channels.append(channel)
            $0.open.insert(channel)
        }
    }

    func refused() { state.withLock { $0.snapshot.refused += 1 } }

    func count(_ event: ACDControllerEvent) {
        state.withLock { state in
            switch event {
            case .ended(let call, _, _, _):
                state.snapshot.ended += 1
                state.open.remove(call.rawValue)
            case .abandoned(let call, _, _):
                state.snapshot.abandoned += 1
                state.open.remove(call.rawValue)
            case .leftQueue(let call, _, _):
                state.snapshot.left += 1
                state.open.remove(call.rawValue)
            case .eventsDropped(let count):
                state.snapshot.dropped += count
            default:
                break
            }
        }
    }
}

/// Prints a line and flushes it, so progress reaches a log file even if the run is cut short.
private func say(_ line: String) {
    print(line)
    fflush(nil)
}
