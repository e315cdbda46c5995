import AMI
import AsteriskSimulator
import CTIApp
import CTICore
import CTIDemo
import CTIServer
import Foundation
import Logging
import NIOHTTP1
import ServiceLifecycle
import Storage
import Synchronization
import Telephony
import TestSupport
import Testing

/// A running observer-mode service (`acd.mode = observer`) on a simulated app_queue reached over
/// loopback AMI, with the seeded demo store; member names are CTIBridge's agent ids, as in
/// AsteriskConf's queues.conf. Each test picks the queues, the recording policy and where
/// MixMonitor files go.
struct ObserverSite: Sendable {
    /// What differs between the tests.
    struct Options: Sendable {
        /// Queues in order with their members; each queue but `support` is entered from the
        /// dialplan context `<queue>-in` (`support` from `queue-in`).
        var queues: [SimQueueSpec] = [SimQueueSpec("support", members: ["1001", "1002"])]
        /// The AMI user's write classes.
        var write: AMIPermission = .all
        /// Which connected calls are recorded (nil: none).
        var recording: AppQueueRecording? = AppQueueRecording()
        /// MixMonitor files go to ``ObserverSite/monitor``, which is also where QA reads them.
        var monitorRecordings = false
        /// Interval length and per-queue thresholds for `/api/statistics/…`.
        var statistics = AppQueueStatisticsConfiguration()
        /// Where the service logs (warnings and up); stdout when nil.
        var log: LogLines?
    }

    /// A queue and its members' names.
    struct SimQueueSpec: Sendable {
        var name: String
        var members: [String]
        init(_ name: String, members: [String]) {
            self.name = name
            self.members = members
        }
    }

    let monitor: URL
    let simulator: AMISimulator
    let store: CTIStore
    let centre: ObserverCentre
    let client: ServiceClient

    /// Starts the simulator and the service, runs `body`, then shuts both down.
    static func run(_ options: Options = Options(), _ body: @Sendable (ObserverSite) async throws -> Void) async throws {
        try await withNetworkTestSlot {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-observer-\(UUID().uuidString)", isDirectory: true)
            let monitor = folder.appendingPathComponent("monitor", isDirectory: true)
            try FileManager.default.createDirectory(at: monitor, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            var logger = options.log.map { lines in Logger(label: "e2e.observer", factory: { _ in LinesLogHandler(lines: lines) }) }
                ?? Logger(label: "e2e.observer")
            logger.logLevel = .warning

            let clock = SimulationClock.system()
            let boot = clock.now() - .seconds(600)
            let queues = options.queues.map { spec in
                SimQueue(name: spec.name, members: spec.members.map { SimQueueMember(name: $0, interface: "Local/\($0)@agents/n", loginTime: boot.seconds) })
            }
            var pbx = SimulatedPBX(bootTime: boot, queues: queues)
            pbx.settings.agents = AgentBehaviour(ringSeconds: 1...1, noAnswerProbability: 0)
            for spec in options.queues where spec.name != "support" { pbx.settings.queueContexts["\(spec.name)-in"] = spec.name }
            var configuration = AMISimulatorConfiguration(accounts: ["ctibridge": AMISimulatorUser(secret: "observer-secret", write: options.write)])
            if options.monitorRecordings { configuration.monitorDirectory = monitor }
            let simulator = AMISimulator(configuration: configuration, pbx: pbx, clock: clock, logger: logger)
            let amiPort = try await simulator.start()

            let store = try await SeededDemoStore.open(path: folder.appendingPathComponent("ctibridge.sqlite").path)
            var ami = AMIClientConfiguration(
                host: "127.0.0.1", port: amiPort, credentials: AMICredentials(username: "ctibridge", secret: "observer-secret", method: .md5))
            ami.backoff = Backoff(initial: .milliseconds(20), maximum: .milliseconds(200))
            let httpPort = Mutex<Int?>(nil)
            let centre = ObserverCentre(
                store: store, ami: ami, server: CTIServerConfiguration(host: "127.0.0.1", port: 0), logger: logger, recording: options.recording,
                qa: options.monitorRecordings ? QASettings(recordingsDirectory: monitor) : QASettings(), statistics: options.statistics,
                onServerRunning: { port in httpPort.withLock { $0 = port } })
            let group = ServiceGroup(configuration: .init(services: [.init(service: centre)], logger: logger))
            let running = Task { try await group.run() }
            defer { running.cancel() }
            #expect(await poll(timeout: .seconds(30)) { centre.client.statistics.isConnected && httpPort.withLock { $0 } != nil })
            let client = ServiceClient(base: "http://127.0.0.1:\(httpPort.withLock { $0 } ?? 0)")
            #expect(try await poll(timeout: .seconds(30)) { try await client.request(.GET, "/ready").status == 200 })

            try await body(ObserverSite(monitor: monitor, simulator: simulator, store: store, centre: centre, client: client))

            await group.triggerGracefulShutdown()
            _ = await running.result
            try await simulator.stop()
            try store.close()
        }
    }

    /// A customer calls into a dialplan context that runs `Queue(...)`; the caller's channel is `id`.
    func call(_ id: String, context: String = "queue-in", from callerID: String) {
        var request = OriginateRequest(channel: "Local/s@customer/n")
        request.context = context
        request.exten = "5555"
        request.priority = 1
        request.callerID = callerID
        request.channelID = id
        request.otherChannelID = "\(id)-far"
        simulator.perform { pbx, _ in _ = pbx.originate(request) }
    }

    /// The agent's phone hangs up the call with `id`.
    func hangUp(_ id: String) -> Bool {
        simulator.perform { pbx, _ -> Bool in
            guard let leg = pbx.calls[id]?.agentLeg, let far = pbx.channels[leg]?.partnerID else { return false }
            return pbx.hangup(far)
        }
    }

    /// The agent sends the connected caller `id` back into its queue (a blind transfer to the queue).
    func transferToQueue(_ id: String) -> Bool {
        simulator.perform { pbx, _ in pbx.transferToQueue(id) }
    }

    /// The caller with `id` hangs up (while waiting: an abandon).
    func callerHangsUp(_ id: String) -> Bool {
        simulator.perform { pbx, _ in pbx.hangup(id) }
    }

    /// The member `name` of `queue`, as the simulated app_queue has it now.
    func member(_ name: String, of queue: String = "support") -> SimQueueMember? {
        simulator.pbx.orderedQueues.first { $0.name == queue }?.members.first { $0.name == name }
    }
}

/// Log lines kept for a test to read.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
}

/// Writes each message with its metadata to ``LogLines``.
struct LinesLogHandler: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        lines.append("\(event.level) \(event.message) \(merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
    }
}
