import ARI
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

/// The whole service on one Asterisk: ARI events feed the IVR and the ACD, the ACD's events
/// become screen-pops, interactions and the wallboard, and the CTI server carries them to
/// browsers. Run it as a ServiceLifecycle `Service`; a graceful shutdown stops it cleanly.
public final class ContactCentre: Service, Sendable {
    public let store: CTIStore
    public let events: ARIEventsClient
    public let controller: ACDController
    public let runner: IVRRunner<ContinuousClock>
    public let hub: CTIHub
    public let metrics: CTIMetrics
    public let sessions: StoreSessions
    public let catalog: IVRFlowCatalog
    let publisher: ScreenPopPublisher
    let recorder: InteractionRecorder
    /// Tickets made during live calls, waiting for the calls' interactions.
    let pendingLinks: PendingTicketLinks
    let wallboard: WallboardPublisher
    let qaWiring: QAWiring
    let callbacks: IVRCallbackScheduler
    /// QA: recordings directory, retention, sampling.
    public let qa: QASettings
    let server: CTIServerConfiguration
    let clock: ACDClock
    let logger: Logger
    /// Wall time, for the lag of Asterisk's timestamped events.
    let now: @Sendable () -> Date
    let onServerRunning: @Sendable (Int) async -> Void

    /// Puts the parts together; nothing runs until ``run()``. `now` is the wall clock that event
    /// lags are measured on (`ivrNow` may be shifted, as in the demo).
    public init(
        store: CTIStore, ari: ARIConfiguration, acd: ACDControllerConfiguration, catalog: IVRFlowCatalog, routes: IVRDNISRoutes,
        server: CTIServerConfiguration, names: [String: String] = [:], ivrNow: @escaping @Sendable () -> Date = { Date() },
        clock: ACDClock = .continuous(), logger: Logger = Logger(label: "ctibridge"), qa: QASettings = QASettings(),
        now: @escaping @Sendable () -> Date = { Date() },
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws {
        self.store = store
        self.qa = qa
        qaWiring = QAWiring(store: store, settings: qa, format: acd.recordingFormat, logger: logger)
        self.catalog = catalog
        self.server = server
        self.clock = clock
        self.logger = logger
        self.now = now
        self.onServerRunning = onServerRunning
        var ari = ari
        if ari.eventFilter == nil { ari.eventFilter = Self.eventFilter }
        events = ARIEventsClient(configuration: ari, logger: logger)
        controller = try ACDController(configuration: acd, rest: events.rest, clock: clock, logger: logger)
        hub = CTIHub(configuration: server, logger: logger)
        metrics = CTIMetrics()
        sessions = StoreSessions(store: store)
        let context = StorePopContext(store: store)
        callbacks = IVRCallbackScheduler(store: store, controller: controller, now: ivrNow, logger: logger)
        runner = IVRRunner(
            rest: events.rest, catalog: catalog, routes: routes, lookup: context, handoff: IVRToACDHandoff(controller: controller),
            sink: StoreIVROutcomes(store: store, logger: logger, callbacks: callbacks), clock: ContinuousClock(), now: ivrNow, logger: logger)
        publisher = ScreenPopPublisher(hub: hub, context: context, metrics: metrics, now: { clock.now().seconds }, logger: logger)
        let pendingLinks = PendingTicketLinks()
        self.pendingLinks = pendingLinks
        recorder = InteractionRecorder(store: store, pendingLinks: pendingLinks, logger: logger)
        wallboard = WallboardPublisher(controller: controller, hub: hub, clock: clock, configuration: acd.engine, names: names)
        let wallboard = self.wallboard
        let events = self.events
        metrics.addSource {
            let statistics = events.statistics
            var sample = wallboard.latestSample.withLock { $0 }
            sample.connections = [.init(name: "ari_events", up: statistics.isConnected, reconnects: statistics.reconnects)]
            return sample
        }
    }

    /// Only the event types the IVR, the ACD and the events client act on; Asterisk sends a
    /// Stasis application many more for a queued call (varsets, state changes, bridge entries).
    public static var eventFilter: ARIEventFilter {
        ARIEventFilter(allowed: IVRRunner<ContinuousClock>.eventTypes.union(ACDController.eventTypes).union(ARIEventsClient.eventTypes))
    }

    public func run() async throws {
        let ivrEvents = events.subscribe()
        let acdEvents = events.subscribe()
        let pops = controller.events()
        let calls = controller.events()
        let states = controller.events()
        let recorded = controller.events()
        let counts = controller.events()
        let callbackEvents = controller.events()
        let counter = CallOutcomeCounter(metrics: metrics)
        let records = StoreRecordKeeper(store: store, pendingLinks: pendingLinks, liveCalls: recorder)
        var dependencies = CTIServerDependencies(
            authenticator: sessions, sessions: sessions,
            actions: ACDAgentActions(controller: controller, records: records, logger: logger),
            readiness: Readiness(events: events))
        dependencies.metrics = { [metrics] in metrics.exposition() }
        dependencies.flows = CatalogFlowAdministration(catalog: catalog, store: store)
        dependencies.statistics = ControllerStatistics(controller: controller)
        qaWiring.install(into: &dependencies)
        let application = buildApplication(
            configuration: server, dependencies: dependencies, hub: hub, logger: logger,
            onServerRunning: { [onServerRunning] channel in await onServerRunning(channel.localAddress?.port ?? 0) })
        let wallboard = self.wallboard
        await withTaskGroup(of: Void.self) { group in
            // The server stops by itself on graceful shutdown, after its connections close.
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
                        workers.addTask { try? await self.events.run() }
                        workers.addTask { await self.runner.run(events: ivrEvents) }
                        workers.addTask { await self.runACD(events: acdEvents) }
                        workers.addTask { await self.publisher.run(events: pops) }
                        workers.addTask { await self.recorder.run(events: calls) }
                        self.qaWiring.run(events: recorded, in: &workers)
                        workers.addTask { await wallboard.follow(events: states) }
                        workers.addTask { await wallboard.run() }
                        workers.addTask { await counter.run(events: counts) }
                        workers.addTask { await self.callbacks.run(events: callbackEvents) }
                        await workers.waitForAll()
                    }
                }
            }
            group.addTask {
                try? await gracefulShutdown()
                await self.controller.shutdown()
                await self.hub.closeAll()
            }
            await group.waitForAll()
        }
    }
}

/// Ready while the ARI events socket is connected.
struct Readiness: CTIReadiness {
    let events: ARIEventsClient
    func checks() async -> [String: Bool] { ["ari": events.statistics.isConnected] }
}
