import ArgumentParser
import CTICore
import CTIServer
import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization
import WSClient

/// `ctibridge-bench ws-fanout`: many agent sockets on loopback, pops at a steady rate, latency from
/// `CTIHub.publish` to the frame read at the agent's socket, pops lost, CPU and memory.
struct WSFanOutBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ws-fanout",
        abstract: "Agent WebSockets on loopback receiving screen-pops from the CTI hub.",
        discussion: """
            Server and clients run in this one process (2 event-loop threads shared), so CPU and RSS \
            cover both sides. Each pop (an offer with customer, tickets and history, ~1.3 KB) goes to one \
            agent chosen at random; latency runs from just before CTIHub.publish to the client reading the \
            whole frame, by the monotonic clock.
            """)

    @Option(help: "Agent sockets connected.")
    var agents = 2_000

    @Option(help: "Pops published per second.")
    var rate = 100

    @Option(help: "Seconds of publishing.")
    var seconds = 60

    @Option(help: "Seed for choosing agents.")
    var seed: UInt64 = 2026

    func validate() throws {
        guard agents > 0, rate > 0, seconds > 0 else { throw ValidationError("--agents, --rate and --seconds must be positive") }
    }

    func run() async throws {
        if let load = LoadAverage.line() { print(load) }
        let total = rate * seconds
        let recorder = FanOutRecorder(total: total)
        var tokens: [String: CTIPrincipal] = [:]
        for index in 0..<agents {
            tokens["tok-\(index)"] = CTIPrincipal(userID: "u\(index)", agentID: "A\(index)", displayName: "Agent \(index)", role: .agent)
        }
        let auth = StaticTokenAuthenticator(tokens: tokens)
        let configuration = CTIServerConfiguration(port: 0)
        let hub = CTIHub(configuration: configuration)
        var logger = Logger(label: "bench.cti")
        logger.logLevel = .error
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(
            configuration: configuration,
            dependencies: CTIServerDependencies(authenticator: auth, sessions: auth, actions: InMemoryAgentActions(hub: hub)),
            hub: hub, logger: logger, onServerRunning: { portContinuation.yield($0.localAddress?.port ?? 0) })

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            var portIterator = ports.makeAsyncIterator()
            guard let port = await portIterator.next() else { return }
            let rssBefore = ProcessStats.residentMegabytes()
            let connectStart = LatencySamples.now()
            // Connect in batches so the listen backlog is never overrun.
            for batchStart in stride(from: 0, to: agents, by: 250) {
                for index in batchStart..<min(agents, batchStart + 250) {
                    group.addTask {
                        try await Self.agentSocket(url: "ws://127.0.0.1:\(port)/ws/agent?token=tok-\(index)", recorder: recorder)
                    }
                }
                while await hub.connectionCounts.agentSockets < min(agents, batchStart + 250) { try await Task.sleep(for: .milliseconds(20)) }
            }
            let connectSeconds = Double(LatencySamples.now() - connectStart) / 1e9
            let rssConnected = ProcessStats.residentMegabytes()
            print("\(agents) agent sockets connected in \(NumberFormat.fixed(connectSeconds, 2)) s; RSS \(NumberFormat.fixed(rssBefore, 1)) → \(NumberFormat.fixed(rssConnected, 1)) MB")
            print("publishing \(rate) pops/s for \(seconds) s (\(total) pops) …")

            let cpuStart = ProcessStats.cpuSeconds()
            let wallStart = LatencySamples.now()
            var generator = BenchmarkRandom(seed: seed)
            let clock = ContinuousClock()
            let start = clock.now
            let interval = Duration.nanoseconds(1_000_000_000 / rate)
            var peakRSS = rssConnected
            for index in 0..<total {
                try await clock.sleep(until: start + interval * index)
                let agent = Int(generator.next() % UInt64(agents))
                let pop = Self.pop(index)
                recorder.published(index)
                await hub.publish(pop, to: "A\(agent)")
                if index % rate == 0 { peakRSS = max(peakRSS, ProcessStats.residentMegabytes()) }
            }
            // Give the last pops time to arrive.
            let drainDeadline = LatencySamples.now() + 5_000_000_000
            while recorder.receivedCount < total && LatencySamples.now() < drainDeadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            let wallSeconds = Double(LatencySamples.now() - wallStart) / 1e9
            let cpuSeconds = ProcessStats.cpuSeconds() - cpuStart
            peakRSS = max(peakRSS, ProcessStats.residentMegabytes())
            let tally = recorder.tally.withLock { $0 }

            print(LatencyTable(rows: [("publish → frame", tally.samples)]).render().replacingOccurrences(of: "calls", with: "pops "))
            print("pops published \(total), received \(tally.count), lost \(total - tally.count), duplicated \(tally.duplicates)")
            print("CPU \(NumberFormat.fixed(cpuSeconds, 1)) s over \(NumberFormat.fixed(wallSeconds, 1)) s wall = \(NumberFormat.fixed(100 * cpuSeconds / wallSeconds, 0)) % of one core (server + \(agents) clients)")
            print("RSS peak during publishing \(NumberFormat.fixed(peakRSS, 1)) MB; process high-water mark \(NumberFormat.fixed(ProcessStats.highWaterMegabytes(), 1)) MB")
            group.cancelAll()
        }
    }

    /// One agent's socket: counts pops and records their latency.
    static func agentSocket(url: String, recorder: FanOutRecorder) async throws {
        var logger = Logger(label: "bench.ws")
        logger.logLevel = .critical
        try await WebSocketClient.connect(url: url, logger: logger) { inbound, _, _ in
            for try await message in inbound.messages(maxSize: 1 << 16) {
                let now = LatencySamples.now()
                guard case .text(let text) = message, let index = popIndex(in: text) else { continue }
                recorder.received(index, at: now)
            }
        }
    }

    /// The pop's index from its call id (`"callID":"bench-N"`), without decoding the whole frame.
    static func popIndex(in text: String) -> Int? {
        guard let range = text.range(of: "\"callID\":\"bench-") else { return nil }
        var value = 0
        var found = false
        for character in text[range.upperBound...] {
            guard let digit = character.wholeNumberValue else { break }
            value = value * 10 + digit
            found = true
        }
        return found ? value : nil
    }

    static func pop(_ index: Int) -> CTIScreenPopMessage {
        .offer(CTICallPop(
            callID: "bench-\(index)", callerNumber: "+4420794\(String(format: "%05d", index % 100_000))", callerName: "Caller \(index)",
            dnis: "08005550100", queue: "support", waitSeconds: 23, ivrPath: ["welcome", "language:en", "menu", "support"],
            collectedDigits: ["account": "47110923"],
            customer: CTICustomerSummary(id: "CUST-\(index)", name: "Caller \(index)", company: "Example Ltd", vip: index % 7 == 0, tags: ["Gold plan"]),
            openTickets: [
                CTITicketSummary(id: "T-\(index)", subject: "Invoice shows the wrong VAT rate", status: "open", priority: "high", updatedAt: 1_795_000_000),
                CTITicketSummary(id: "T-\(index + 1)", subject: "Add a second admin user", status: "pending", priority: "normal", updatedAt: 1_794_000_000),
            ],
            lastInteractions: [
                CTIInteractionSummary(id: "I-\(index)", channel: "call", at: 1_794_900_000, agentName: "Bob", disposition: "callback", note: "VAT breakdown"),
                CTIInteractionSummary(id: "I-\(index + 1)", channel: "email", at: 1_794_200_000, agentName: "Carol", disposition: "resolved"),
            ],
            recordingID: "rec-\(index)"))
    }
}

/// Publish times and what the agent sockets received, shared by the publisher and every socket.
final class FanOutRecorder: Sendable {
    let publishedAt: Mutex<[UInt64]>
    let tally: Mutex<FanOutTally>

    init(total: Int) {
        publishedAt = Mutex([UInt64](repeating: 0, count: total))
        tally = Mutex(FanOutTally(total: total))
    }

    func published(_ index: Int) { publishedAt.withLock { $0[index] = LatencySamples.now() } }

    func received(_ index: Int, at now: UInt64) {
        let sent = publishedAt.withLock { $0.indices.contains(index) ? $0[index] : now }
        tally.withLock { $0.record(index: index, latency: now &- sent) }
    }

    var receivedCount: Int { tally.withLock { $0.count } }
}

/// What the agent sockets received.
struct FanOutTally: Sendable {
    var seen: [Bool]
    var count = 0
    var duplicates = 0
    var samples: LatencySamples

    init(total: Int) {
        seen = [Bool](repeating: false, count: total)
        samples = LatencySamples(capacity: total)
    }

    mutating func record(index: Int, latency: UInt64) {
        guard index < seen.count else { return }
        if seen[index] {
            duplicates += 1
            return
        }
        seen[index] = true
        count += 1
        samples.append(latency)
    }
}
