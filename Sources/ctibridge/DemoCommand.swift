import ARI
import ArgumentParser
import AsteriskSimulator
import CTIApp
import CTICore
import CTIDemo
import Foundation
import Logging
import ServiceLifecycle
import Storage
import Telephony
import UnixSignals

/// `ctibridge demo`: the whole contact centre against the built-in Asterisk simulator.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the contact centre against the built-in Asterisk simulator, with the agent desktop in the browser.",
        discussion: """
            Starts a simulated Asterisk 22 (ARI on 127.0.0.1), CTIBridge with an embedded SQLite file, the sample IVR \
            flow, two queues and six agents, and simulated callers; prints the URLs and demo logins. Ctrl-C stops it cleanly.
            """)

    @Option(help: "Average new calls per second.")
    var callsPerSecond: Double = 0.2

    @Option(help: "Port for the agent desktop, wallboard and API (0 picks a free one).")
    var httpPort: Int = 8080

    @Option(help: "Folder for the SQLite file and call recordings (kept between runs).")
    var dataDirectory: String = "demo-data"

    @Option(help: "Seed for the simulated callers (same seed, same calls).")
    var seed: UInt64 = 1

    @Option(help: "Stop by itself after this many seconds (default: run until Ctrl-C).")
    var duration: Double?

    @Option(help: "Log level for the service's own logs (trace, debug, info, notice, warning, error).")
    var logLevel: String = "warning"

    @Option(help: "Post ticket and call events to this URL (signed with --webhook-secret).")
    var webhookURL: String?

    @Option(help: "HMAC-SHA256 key for the webhook signature (16+ characters).")
    var webhookSecret: String?

    func validate() throws {
        if let webhookURL {
            guard webhookURL.hasPrefix("http://") || webhookURL.hasPrefix("https://") else { throw ValidationError("--webhook-url must be an http:// or https:// URL") }
            guard (webhookSecret?.count ?? 0) >= 16 else { throw ValidationError("--webhook-url needs --webhook-secret of 16 or more characters") }
        }
        guard callsPerSecond > 0, callsPerSecond <= 50 else { throw ValidationError("--calls-per-second must be above 0 and at most 50") }
        guard (0...65_535).contains(httpPort) else { throw ValidationError("--http-port must be 0-65535") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical") }
        if let duration, duration <= 0 { throw ValidationError("--duration must be positive") }
    }

    func run() async throws {
        var logger = Logger(label: "ctibridge.demo")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .warning
        let data = URL(fileURLWithPath: dataDirectory, isDirectory: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        // A fresh ARI secret each run: the simulator and CTIBridge share it, nothing else sees it.
        let secret = (0..<4).map { _ in String(UInt32.random(in: .min ... .max), radix: 36) }.joined()
        // The simulated Asterisk is stopped by cancellation at the end; its own logs stay quiet.
        var simulatorLogger = Logger(label: "ctibridge.demo.simulator")
        simulatorLogger.logLevel = .critical
        let recordings = data.appendingPathComponent("recordings")
        let simulator = DemoAssembly.simulator(recordings: recordings, password: secret, logger: simulatorLogger)
        let webhooks = webhookURL.map { [WebhookEndpoint(name: "default", url: $0, secret: webhookSecret ?? "")] } ?? []
        let store = try await DemoAssembly.store(path: data.appendingPathComponent("ctibridge.sqlite").path, webhooks: webhooks)

        let simulatorTask = Task { try await simulator.run() }
        let ariURL = await simulator.baseURL()
        let centre = try DemoAssembly.centre(
            store: store, ariURL: ariURL, ariPassword: secret, httpPort: httpPort, recordings: recordings, logger: logger,
            onServerRunning: { port in Self.printWelcome(port: port) })
        let callers = DemoCallers(simulator: simulator, behaviour: .init(callsPerSecond: callsPerSecond, seed: seed), logger: logger)
        let printer = centre.controller.events()
        let hangUps = centre.controller.events()
        let traffic = DemoTraffic(centre: centre, callers: callers, printer: printer, hangUps: hangUps)

        let group = ServiceGroup(configuration: .init(
            services: [.init(service: centre), .init(service: traffic), .init(service: WebhookDispatcher(store: store, logger: logger))],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        if let duration {
            Task {
                try? await Task.sleep(for: .seconds(duration))
                await group.triggerGracefulShutdown()
            }
        }
        try await group.run()
        simulatorTask.cancel()
        _ = await simulatorTask.result
        try store.close()
        print("Stopped. Data kept in \(data.path).")
    }

    static func printWelcome(port: Int) {
        print("""
            CTIBridge demo is running (simulated Asterisk 22 over ARI, SQLite in the data folder).
              Agent desktop  http://127.0.0.1:\(port)/               logins 1001 … 1006
              Wallboard      http://127.0.0.1:\(port)/wallboard.html  login supervisor
              Quality (QA)   http://127.0.0.1:\(port)/qa.html         login qa-lead (agents see their own scores)
              Metrics        http://127.0.0.1:\(port)/metrics         (bearer token of supervisor or admin)
              Password for every demo login: \(DemoSite.password)
            Calls arrive on the main line (7000): IVR → queue → agent. Ctrl-C to stop.
            """)
    }
}

/// Staffs the floor once ARI is up, places simulated calls and prints each call's life until shutdown.
struct DemoTraffic: Service {
    let centre: ContactCentre
    let callers: DemoCallers
    let printer: BoundedEventStream<ACDControllerEvent>
    let hangUps: BoundedEventStream<ACDControllerEvent>

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !centre.events.statistics.isConnected { try? await Task.sleep(for: .milliseconds(50)) }
            do {
                try await DemoAssembly.staffAll(centre.controller)
            } catch {
                Swift.print("Could not log the demo agents in: \(error)")
            }
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await callers.generate() }
                group.addTask { await callers.follow(hangUps) }
                group.addTask { await Self.printCalls(printer) }
                await group.waitForAll()
            }
        }
    }

    static func printCalls(_ events: BoundedEventStream<ACDControllerEvent>) async {
        let formatter = Date.FormatStyle(date: .omitted, time: .standard)
        for await event in events {
            let line: String? =
                switch event {
                case .queued(let call, let position): "\(call.callerNumber ?? "?") queued in \(call.queue) at \(position) (IVR: \(call.ivrPath.joined(separator: " → ")))"
                case .offered(let agent, let call, let wait): "\(call.callerNumber ?? "?") offered to agent \(agent) after \(Int(wait)) s"
                case .connected(let call, let agent, _, _): "call \(call) connected to agent \(agent), recording"
                case .ended(let call, let agent, let party, let talk): "call \(call) with \(agent) ended by \(party) after \(Int(talk)) s"
                case .abandoned(let call, let queue, let wait): "call \(call) abandoned \(queue) after \(Int(wait)) s"
                case .autoPaused(let agent, _, let reason): "agent \(agent) paused: \(reason)"
                default: nil
                }
            if let line { Swift.print("\(Date().formatted(formatter))  \(line)") }
        }
    }
}
