#if canImport(Glibc)
import Glibc
#endif
import ARI
import ArgumentParser
import CTIApp
import CTICore
import CTIServer
import Foundation
import Logging
import ServiceLifecycle
import Storage
import Synchronization
import Telephony

/// `ctibridge-bench cti-load`: the whole service under call load, measured from the Asterisk event
/// to the screen-pop at the agent's socket.
struct CTILoadBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cti-load",
        abstract: "The whole contact centre on the ARI simulator: agent WebSockets, calls through IVR → ACD → offer pop.",
        discussion: """
            Two processes, like a load test against a real deployment: this one runs the service under test \
            (ContactCentre with a SQLite temp file, Hummingbird on 127.0.0.1:0); a second one (cti-load-driver, \
            started here) runs the ARI simulator, the callers and every agent's WebSocket client. CPU and RSS are \
            reported for each. Agents get API tokens from the store and connect to /ws/agent. Callers arrive as \
            Poisson arrivals; each one's StasisStart goes through the IVR (answer, CRM lookup) to the queue, the ACD \
            offers the call and rings the agent's simulated phone, which answers; the caller hangs up after the talk \
            time and the agent wraps up. Latency: from the simulator emitting the caller's StasisStart (monotonic \
            clock, right after the event is handed to the events socket) to the agent's client reading the offer \
            frame for that call id; both ends are in the driver.
            """)

    @OptionGroup var load: CTILoadOptions

    func run() async throws {
        if let average = LoadAverage.line() { print(average) }
        let logger = load.logger(label: "bench.cti-load")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ctibridge-cti-load-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let site = CTILoadSite(agents: load.agents)
        let setupStart = LatencySamples.now()
        let store = try CTIStore.open(StorageConfiguration(path: directory.appendingPathComponent("ctibridge.sqlite").path, defaultCountry: "VN"))
        let tokens = try await site.seed(store)
        let tokensFile = directory.appendingPathComponent("tokens.json")
        try JSONEncoder().encode(tokens).write(to: tokensFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: tokensFile.path)
        print("store: \(tokens.count) agents with API tokens in \(NumberFormat.fixed(Double(LatencySamples.now() - setupStart) / 1e9, 1)) s")

        let password = "bench-\(UInt32.random(in: .min ... .max))"
        let driver = try CTILoadDriverProcess(options: load, directory: directory.path, password: password)
        defer { driver.terminate() }
        let simulatorURL = try await driver.next("@simulator ")

        var ari = ARIConfiguration(baseURL: simulatorURL, credentials: ARICredentials(username: "ctibridge", password: password), application: "ctibridge")
        ari.requestTimeout = .seconds(10)
        let (catalog, routes) = try site.flows()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let centre = try ContactCentre(
            store: store, ari: ari, acd: site.controller(wrapUp: load.wrapUp), catalog: catalog, routes: routes,
            server: CTIServerConfiguration(host: "127.0.0.1", port: 0), logger: logger,
            onServerRunning: { portContinuation.yield($0) })
        let group = ServiceGroup(configuration: .init(services: [.init(service: centre)], gracefulShutdownSignals: [], logger: logger))
        let service = Task { try await group.run() }

        var portIterator = ports.makeAsyncIterator()
        guard let port = await portIterator.next() else { throw ValidationError("the CTI server did not start") }
        try await waitUntil(timeout: 30) { centre.events.statistics.isConnected }
        for agent in site.agentIDs {
            try await centre.controller.login(AgentID(agent))
            try await centre.controller.ready(AgentID(agent))
        }

        let rssBefore = ProcessStats.residentMegabytes()
        driver.send("go \(port) \(tokensFile.path)")
        let connectSeconds = try await driver.next("@connected ")
        let rssConnected = ProcessStats.residentMegabytes()
        print("\(load.agents) agents logged in and connected in \(connectSeconds) s; service RSS \(NumberFormat.fixed(rssBefore, 1)) → \(NumberFormat.fixed(rssConnected, 1)) MB")
        print("calls arriving at \(NumberFormat.fixed(load.rate, 0))/s (Poisson) for \(load.seconds) s; talk \(load.talkMin)–\(load.talkMax) s, wrap-up \(load.wrapUp) s, phones answer after \(load.answerDelay) ms …")

        let stages = CTILoadStages()
        let stageEvents = centre.events.subscribe()
        let following = Task { await stages.follow(events: stageEvents, controller: centre.controller) }
        _ = try await driver.next("@calls-start")
        let cpuStart = ProcessStats.cpuSeconds()
        let wallStart = LatencySamples.now()
        let eventsStart = centre.events.statistics.eventsReceived
        let peakRSS = Mutex(rssConnected)
        let watcher = Task {
            var elapsed = 0
            while !Task.isCancelled {
                try await Task.sleep(for: .seconds(1))
                elapsed += 1
                let rss = ProcessStats.residentMegabytes()
                peakRSS.withLock { $0 = max($0, rss) }
                guard elapsed % 10 == 0, let queue = await centre.controller.snapshot(of: CTILoadSite.queue) else { continue }
                let agentStates = queue.agents.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
                print("  service at \(elapsed) s: waiting \(queue.waiting); agents \(agentStates.joined(separator: ", "))")
            }
        }
        _ = try await driver.next("@calls-end")
        let cpuSeconds = ProcessStats.cpuSeconds() - cpuStart
        let wallSeconds = Double(LatencySamples.now() - wallStart) / 1e9
        watcher.cancel()
        let events = centre.events.statistics.eventsReceived - eventsStart
        _ = try await driver.next("@done")
        print("service: \(events) ARI events read during the calls")
        following.cancel()
        print("service stages (StasisStart stamped with ms resolution):")
        print(LatencyTable(rows: stages.rows).render())
        let peak = max(peakRSS.withLock { $0 }, ProcessStats.residentMegabytes())
        print("service: CPU \(NumberFormat.fixed(cpuSeconds, 1)) s (user+sys) over \(NumberFormat.fixed(wallSeconds, 1)) s wall = \(NumberFormat.fixed(100 * cpuSeconds / wallSeconds, 0)) % of one core")
        print("service: RSS peak during calls \(NumberFormat.fixed(peak, 1)) MB; process high-water mark \(NumberFormat.fixed(ProcessStats.highWaterMegabytes(), 1)) MB")

        await group.triggerGracefulShutdown()
        try? await waitUntil(timeout: 30) { await centre.hub.connectionCounts.agentSockets == 0 }
        _ = await service.result
        await driver.finish()
        try? store.close()
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
