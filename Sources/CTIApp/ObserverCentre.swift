import AMI
import CTICore
import CTIMetrics
import CTIServer
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Storage
import Synchronization
import Telephony

/// The service in observer mode (`acd.mode = observer`): Asterisk's app_queue routes the calls
/// (queues.conf) and CTIBridge follows it over AMI. What app_queue does becomes screen-pops,
/// stored interactions, recordings (MixMonitor, indexed for QA), the wallboard and `/metrics`, and
/// agents pause and unpause from the desktop. No ARI is needed. Run it as a ServiceLifecycle `Service`.
public final class ObserverCentre: Service, Sendable {
    public let store: CTIStore
    public let client: AMIClient
    public let observer: AppQueueObserver
    public let hub: CTIHub
    public let metrics: CTIMetrics
    public let sessions: StoreSessions
    let publisher: ScreenPopPublisher
    let recorder: InteractionRecorder
    /// Tickets made during live calls, waiting for the calls' interactions.
    let pendingLinks: PendingTicketLinks
    let counter: CallOutcomeCounter
    let qaWiring: QAWiring
    /// QA: the recordings (monitor) directory, retention, sampling.
    public let qa: QASettings
    let server: CTIServerConfiguration
    let logger: Logger
    let onServerRunning: @Sendable (Int) async -> Void
    public let wallboard: ObserverWallboard
    /// Interval statistics for `/api/statistics/…`, from app_queue's events.
    public let statistics: ObserverStatistics

    /// Puts the parts together; nothing runs until ``run()``. `recording` says which connected calls
    /// are recorded through MixMonitor (nil: none); `qa.recordingsDirectory` is where their files are
    /// read back (Asterisk's monitor directory, or a copy of it). `statistics` gives the interval
    /// length and each queue's thresholds and wrap-up (queues.conf's `wrapuptime`) for `/api/statistics/…`.
    public init(
        store: CTIStore, ami: AMIClientConfiguration, server: CTIServerConfiguration, names: [String: String] = [:],
        clock: ACDClock = .continuous(), logger: Logger = Logger(label: "ctibridge"), recording: AppQueueRecording? = AppQueueRecording(),
        qa: QASettings = QASettings(), statistics: AppQueueStatisticsConfiguration = AppQueueStatisticsConfiguration(),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.store = store
        self.qa = qa
        qaWiring = QAWiring(store: store, settings: qa, format: recording?.format ?? qa.recordingFormat, logger: logger)
        self.server = server
        self.logger = logger
        self.onServerRunning = onServerRunning
        client = AMIClient(configuration: ami, logger: logger)
        observer = AppQueueObserver(client: client, clock: clock, recording: recording, logger: logger)
        hub = CTIHub(configuration: server, logger: logger)
        metrics = CTIMetrics()
        sessions = StoreSessions(store: store)
        publisher = ScreenPopPublisher(
            hub: hub, context: StorePopContext(store: store), metrics: metrics, now: { clock.now().seconds }, logger: logger)
        let pendingLinks = PendingTicketLinks()
        self.pendingLinks = pendingLinks
        recorder = InteractionRecorder(store: store, pendingLinks: pendingLinks, logger: logger)
        counter = CallOutcomeCounter(metrics: metrics)
        wallboard = ObserverWallboard(observer: observer, hub: hub, clock: clock, names: names)
        self.statistics = ObserverStatistics(configuration: statistics, clock: clock)
        let client = self.client
        let wallboard = self.wallboard
        metrics.addSource {
            let statistics = client.statistics
            var sample = wallboard.latestSample.withLock { $0 }
            sample.connections = [.init(name: "ami", up: statistics.isConnected, reconnects: statistics.reconnects)]
            return sample
        }
    }

    public func run() async throws {
        let amiEvents = client.subscribe()
        let pops = observer.events()
        let calls = observer.events()
        let counts = observer.events()
        let states = observer.events()
        let recorded = observer.events()
        let statisticsEvents = client.subscribe()
        let records = StoreRecordKeeper(store: store, pendingLinks: pendingLinks, liveCalls: recorder)
        var dependencies = CTIServerDependencies(
            authenticator: sessions, sessions: sessions,
            actions: ObserverAgentActions(observer: observer, records: records, logger: logger),
            readiness: AMIReadiness(client: client))
        dependencies.metrics = { [metrics] in metrics.exposition() }
        dependencies.statistics = statistics
        qaWiring.install(into: &dependencies)
        let application = buildApplication(
            configuration: server, dependencies: dependencies, hub: hub, logger: logger,
            onServerRunning: { [onServerRunning] channel in await onServerRunning(channel.localAddress?.port ?? 0) })
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await application.run()
                } catch {
                    self.logger.error("CTI server stopped", metadata: ["error": "\(error)"])
                }
            }
            group.addTask {
                await cancelWhenGracefulShutdown {
                    await withTaskGroup(of: Void.self) { workers in
                        workers.addTask {
                            do {
                                try await self.client.run()
                            } catch {
                                self.logger.error("AMI client stopped", metadata: ["error": "\(error)"])
                            }
                        }
                        workers.addTask { await self.observer.run(events: amiEvents) }
                        workers.addTask { await self.statistics.run(events: statisticsEvents) }
                        workers.addTask { await self.publisher.run(events: pops) }
                        workers.addTask { await self.recorder.run(events: calls) }
                        workers.addTask { await self.counter.run(events: counts) }
                        self.qaWiring.run(events: recorded, in: &workers)
                        workers.addTask { await self.wallboard.follow(events: states) }
                        workers.addTask { await self.wallboard.run() }
                        await workers.waitForAll()
                    }
                }
            }
            group.addTask {
                try? await gracefulShutdown()
                await self.hub.closeAll()
            }
            await group.waitForAll()
        }
    }
}

/// Ready while the AMI connection is logged in.
struct AMIReadiness: CTIReadiness {
    let client: AMIClient
    func checks() async -> [String: Bool] { ["ami": client.statistics.isConnected] }
}
