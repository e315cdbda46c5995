import AMI
import ArgumentParser
import AsteriskSimulator
import CTICore
import Foundation
import Logging
import ServiceLifecycle
import Telephony
import UnixSignals

/// `ctibridge demo`: CTIBridge against its built-in Asterisk simulator, printing live calls.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run against the built-in Asterisk simulator and print the calls it carries.",
        discussion: "Starts a simulated Asterisk 22 on 127.0.0.1 (real AMI bytes), connects CTIBridge's AMI client to it, generates queue calls and prints each call's life. Ctrl-C stops it cleanly.")

    @Option(help: "Average new calls per second.")
    var callsPerSecond: Double = 0.5

    @Option(help: "Scale for ring, talk and patience times (1 = real durations, 0.2 = five times faster).")
    var timeScale: Double = 0.2

    @Option(help: "Seed for the generated traffic (same seed, same calls).")
    var seed: UInt64 = 1

    @Option(help: "Port for the simulator's AMI (0 picks a free one).")
    var amiPort: Int = 0

    @Option(help: "Stop by itself after this many seconds (default: run until Ctrl-C).")
    var duration: Double?

    @Option(help: "Log level for the service's own logs (trace, debug, info, notice, warning, error).")
    var logLevel: String = "warning"

    func validate() throws {
        guard callsPerSecond > 0, callsPerSecond <= 1_000 else { throw ValidationError("--calls-per-second must be above 0 and at most 1000") }
        guard timeScale > 0 else { throw ValidationError("--time-scale must be positive") }
        guard (0...65_535).contains(amiPort) else { throw ValidationError("--ami-port must be 0-65535") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical") }
        if let duration, duration <= 0 { throw ValidationError("--duration must be positive") }
    }

    func run() async throws {
        var logger = Logger(label: "ctibridge.demo")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .warning
        // A fresh secret each run: the simulator and the client share it, nothing else sees it.
        let secret = (0..<4).map { _ in String(UInt32.random(in: .min ... .max), radix: 36) }.joined()
        var simulatorConfiguration = AMISimulatorConfiguration(users: ["ctibridge": secret], port: amiPort)
        simulatorConfiguration.failedLoginDelay = .seconds(1)
        let profile = TrafficProfile(callsPerSecond: callsPerSecond, timeScale: timeScale)
        // A site staffed for the chosen load, so calls are answered rather than mostly abandoned.
        let site = TrafficGenerator.site(for: profile, start: SimulationClock.system().now(), seed: seed)
        let simulator = AMISimulator(configuration: simulatorConfiguration, pbx: site, seed: seed, logger: logger)
        let port = try await simulator.start()

        var clientConfiguration = AMIClientConfiguration(
            host: "127.0.0.1", port: port, credentials: AMICredentials(username: "ctibridge", secret: secret, method: .md5))
        clientConfiguration.pingInterval = .seconds(10)
        let client = AMIClient(configuration: clientConfiguration, logger: logger)
        let printer = CallPrinter(client: client, subscription: client.subscribe())
        let traffic = TrafficService(simulator: simulator, profile: profile, seed: seed)

        print("CTIBridge demo: simulated Asterisk 22 AMI on 127.0.0.1:\(port); \(callsPerSecond) calls/s; Ctrl-C to stop.")
        let group = ServiceGroup(configuration: .init(
            services: [
                .init(service: simulator),
                .init(service: client),
                .init(service: printer),
                .init(service: traffic),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        if let duration {
            Task {
                try? await Task.sleep(for: .seconds(duration))
                await group.triggerGracefulShutdown()
            }
        }
        try await group.run()
        let stats = client.statistics
        print("Stopped. AMI events received: \(stats.eventsReceived), dropped: \(stats.eventsDropped), reconnects: \(stats.reconnects).")
    }
}

/// Prints each call's life from the AMI client's events; resyncs when it fell behind.
struct CallPrinter: Service {
    let client: AMIClient
    let subscription: AMIEventSubscription

    func run() async throws {
        let formatter = Date.FormatStyle(date: .omitted, time: .standard)
        await cancelWhenGracefulShutdown {
            var feed = CallActivityFeed()
            for await event in subscription {
                var output = feed.consume(event)
                if output.needsResync, let channels = try? await client.list(.coreShowChannels) {
                    output.activities += feed.resync(channels: channels.items, afterReconnect: false)
                }
                for activity in output.activities {
                    print("\(Date().formatted(formatter))  \(activity)")
                }
            }
        }
    }
}

/// Feeds generated calls into the simulator until shutdown.
struct TrafficService: Service {
    let simulator: AMISimulator
    let profile: TrafficProfile
    let seed: UInt64

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await simulator.runTraffic(profile: profile, seed: seed) }
        } catch is CancellationError {}
    }
}
