import ARI
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
import TestSupport

/// A CTIBridge deployment on loopback: an Asterisk (the simulator, or the real one of
/// ``AsteriskTarget/real``), a real SQLite file in a temporary folder, and the contact centre
/// with its HTTP/WebSocket server on port 0. Asterisk and CTIBridge can each be stopped and
/// started again, to test restarts.
final class Deployment: Sendable {
    struct StartTimeout: Error, CustomStringConvertible {
        var what: String
        var description: String { "timed out waiting for \(what)" }
    }

    let folder: URL
    let databasePath: String
    let acd: ACDControllerConfiguration
    /// The simulated Asterisk; nil against a real one.
    let simulator: ARISimulator?
    /// Callers dialling into the simulator; nil against a real Asterisk.
    let callers: ScriptedCallers?
    let logger: Logger
    private let simulatorRun = Mutex<Task<Void, any Error>?>(nil)
    private let running = Mutex<RunningCentre?>(nil)

    static let ariPassword = "e2e-secret"

    private init(acd: ACDControllerConfiguration) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        databasePath = folder.appendingPathComponent("ctibridge.sqlite").path
        self.acd = acd
        var logger = Logger(label: "e2e")
        logger.logLevel = .warning
        self.logger = logger
        if AsteriskTarget.usesSimulator {
            let simulator = DemoAssembly.simulator(
                recordings: folder.appendingPathComponent("recordings"), password: Self.ariPassword, answerDelay: .milliseconds(400),
                mediaDuration: .milliseconds(150), logger: logger)
            self.simulator = simulator
            callers = ScriptedCallers(simulator: simulator)
        } else {
            simulator = nil
            callers = nil
        }
    }

    /// Runs `body` with Asterisk and CTIBridge up and every agent of `acd` logged in and ready
    /// (unless `staff` is false); stops everything and deletes the files afterwards.
    static func with(
        acd: ACDControllerConfiguration = DemoSite.controller(wrapUp: 4), staff: Bool = true,
        _ body: (Deployment) async throws -> Void
    ) async throws {
        try await withNetworkTestSlot {
            let deployment = try Deployment(acd: acd)
            do {
                try await deployment.startAsterisk()
                try await deployment.startCentre(staff: staff)
                try await body(deployment)
            } catch {
                await deployment.tearDown()
                throw error
            }
            await deployment.tearDown()
        }
    }

    /// The contact centre running now.
    var centre: RunningCentre {
        get throws {
            guard let run = running.withLock({ $0 }) else { throw StartTimeout(what: "a running CTIBridge (none started)") }
            return run
        }
    }

    // MARK: Asterisk

    /// Starts the simulator (on the port of its last run, if any); nothing against a real Asterisk.
    func startAsterisk() async throws {
        guard let simulator else { return }
        let task = Task { try await simulator.run() }
        simulatorRun.withLock { $0 = task }
        _ = await simulator.port()
    }

    /// Stops the simulator's HTTP side and waits until its port is closed; calls stay in Stasis.
    func stopAsterisk() async {
        guard let task = simulatorRun.withLock({ run in defer { run = nil }; return run }) else { return }
        task.cancel()
        _ = await task.result
    }

    var ariURL: String {
        get async {
            if let simulator { return await simulator.baseURL() }
            return AsteriskTarget.real?.ariURL ?? ""
        }
    }

    // MARK: CTIBridge

    /// Opens the SQLite file (seeding an empty one with the demo site), starts the contact
    /// centre, waits until it is connected to ARI and serving HTTP, and staffs it.
    @discardableResult
    func startCentre(staff: Bool = true) async throws -> RunningCentre {
        let store = try await SeededDemoStore.open(path: databasePath)
        let real = AsteriskTarget.real
        var ari = ARIConfiguration(
            baseURL: await ariURL,
            credentials: ARICredentials(username: real?.username ?? "ctibridge", password: real?.password ?? Self.ariPassword),
            application: real?.application ?? "ctibridge")
        ari.requestTimeout = .seconds(10)
        var acd = self.acd
        acd.application = ari.application
        let (catalog, routes) = try DemoAssembly.flows()
        // The IVR always runs in business hours: a Monday 10:00 in Ho Chi Minh City, moving with real time.
        let started = Date()
        let openHour = Date(timeIntervalSince1970: 1_795_402_800)
        let port = Mutex<Int?>(nil)
        let centre = try ContactCentre(
            store: store, ari: ari, acd: acd, catalog: catalog, routes: routes,
            server: CTIServerConfiguration(host: "127.0.0.1", port: 0), names: DemoSite.names,
            ivrNow: { openHour.addingTimeInterval(Date().timeIntervalSince(started)) }, logger: logger,
            // The simulator writes its recordings here; QA plays them from the same folder.
            qa: DemoSite.qa(recordings: simulator == nil ? nil : folder.appendingPathComponent("recordings")),
            onServerRunning: { bound in port.withLock { $0 = bound } })
        let events = ACDEvents()
        let stream = centre.controller.events()
        let group = ServiceGroup(configuration: .init(services: [.init(service: centre)], logger: logger))
        let task = Task {
            let following = Task { for await event in stream { events.append(event) } }
            try? await group.run()
            following.cancel()
        }
        // On the simulator, also until it has registered the Stasis app: the client counts as
        // connected once its upgrade is answered, a moment before Asterisk registers the app.
        let up = await poll(timeout: .seconds(30)) {
            centre.events.statistics.isConnected && port.withLock({ $0 }) != nil
                && simulator?.activeApplications.contains(ari.application) != false
        }
        let run = RunningCentre(
            centre: centre, store: store, http: "http://127.0.0.1:\(port.withLock { $0 } ?? 0)", events: events, group: group, task: task)
        running.withLock { $0 = run }
        guard up else { throw StartTimeout(what: "CTIBridge to connect to ARI and serve HTTP") }
        if staff {
            for agent in acd.engine.agents.map(\.id) {
                try await centre.controller.login(agent)
                try await centre.controller.ready(agent)
            }
        }
        return run
    }

    /// Shuts the contact centre down gracefully, waits until it has stopped, and closes the store.
    func stopCentre() async throws {
        guard let run = running.withLock({ running in defer { running = nil }; return running }) else { return }
        await run.group.triggerGracefulShutdown()
        // A safety net: a shutdown that takes over 30 s is cancelled.
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await run.task.value
                return true
            }
            group.addTask { (try? await Task.sleep(for: .seconds(30))) == nil }
            if await group.next() == false { run.task.cancel() }
            group.cancelAll()
        }
        try run.store.close()
    }

    func tearDown() async {
        try? await stopCentre()
        await stopAsterisk()
        try? FileManager.default.removeItem(at: folder)
    }
}

/// One run of the contact centre, with everything its ACD reported.
final class RunningCentre: Sendable {
    let centre: ContactCentre
    let store: CTIStore
    /// `http://127.0.0.1:PORT`.
    let http: String
    let events: ACDEvents
    let group: ServiceGroup
    let task: Task<Void, Never>

    init(centre: ContactCentre, store: CTIStore, http: String, events: ACDEvents, group: ServiceGroup, task: Task<Void, Never>) {
        self.centre = centre
        self.store = store
        self.http = http
        self.events = events
        self.group = group
        self.task = task
    }

    var controller: ACDController { centre.controller }

    /// Pauses every agent but `agent`, so the next call is theirs.
    func onlyAgent(_ agent: String, of configuration: ACDControllerConfiguration) async throws {
        for other in configuration.engine.agents.map(\.id) where other.rawValue != agent {
            try await controller.pause(other, reason: "test")
        }
    }

    /// The stored interaction of `callID`, waiting up to `timeout` for it to be written.
    func interaction(_ callID: String, timeout: Duration = .seconds(20)) async throws -> Interaction? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let found = try await store.interactions.find(callID: callID) { return found }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }
}
