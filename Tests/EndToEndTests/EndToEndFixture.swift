import ARI
import AsteriskSimulator
import CTIApp
import CTICore
import CTIDemo
import Foundation
import Logging
import ServiceLifecycle
import Storage
import Synchronization
import Telephony
import TestSupport

/// The demo contact centre on loopback: simulator, a real SQLite file, the CTI server on port 0.
struct EndToEnd: Sendable {
    let simulator: ARISimulator
    let centre: ContactCentre
    let callers: DemoCallers
    let store: CTIStore
    let http: String
    let events: ACDEvents

    /// Runs `body` with the whole service up and every demo agent ready.
    static func with(wrapUp: Double = 4, _ body: @escaping @Sendable (EndToEnd) async throws -> Void) async throws {
        try await withNetworkTestSlot {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            var logger = Logger(label: "e2e")
            logger.logLevel = .warning
            let simulator = DemoAssembly.simulator(
                recordings: folder.appendingPathComponent("recordings"), password: "e2e-secret", answerDelay: .milliseconds(600),
                mediaDuration: .milliseconds(150), logger: logger)
            let store = try await SeededDemoStore.open(path: folder.appendingPathComponent("ctibridge.sqlite").path)
            let port = Mutex<Int?>(nil)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await simulator.run() }
                let centre = try DemoAssembly.centre(
                    store: store, ariURL: await simulator.baseURL(), ariPassword: "e2e-secret", httpPort: 0, wrapUp: wrapUp,
                    recordings: folder.appendingPathComponent("recordings"), logger: logger,
                    onServerRunning: { bound in port.withLock { $0 = bound } })
                let events = ACDEvents()
                let stream = centre.controller.events()
                group.addTask { for await event in stream { events.append(event) } }
                let serviceGroup = ServiceGroup(configuration: .init(services: [.init(service: centre)], logger: logger))
                group.addTask { try await serviceGroup.run() }
                // Up when the server listens and the simulator has the Stasis app registered (a busy machine may take a while).
                let deadline = ContinuousClock.now + .seconds(60)
                while !(centre.events.statistics.isConnected && port.withLock({ $0 }) != nil && simulator.activeApplications.contains("ctibridge")) {
                    guard ContinuousClock.now < deadline else { throw NotUp() }
                    try await Task.sleep(for: .milliseconds(20))
                }
                try await DemoAssembly.staffAll(centre.controller)
                let callers = DemoCallers(simulator: simulator, behaviour: .init(callsPerSecond: 1, talkSeconds: 1...1.5, seed: 3), logger: logger)
                let hangUps = centre.controller.events()
                group.addTask { await callers.follow(hangUps) }
                let fixture = EndToEnd(
                    simulator: simulator, centre: centre, callers: callers, store: store,
                    http: "http://127.0.0.1:\(port.withLock { $0 } ?? 0)", events: events)
                try await body(fixture)
                await serviceGroup.triggerGracefulShutdown()
                group.cancelAll()
            }
            try store.close()
        }
    }
}

/// The service did not come up (server listening, Stasis app registered) within a minute.
struct NotUp: Error, CustomStringConvertible {
    var description: String { "the contact centre did not come up within 60 s" }
}

/// Everything the ACD reported, for tests to wait on.
final class ACDEvents: Sendable {
    private let events = Mutex<[ACDControllerEvent]>([])
    func append(_ event: ACDControllerEvent) { events.withLock { $0.append(event) } }
    var all: [ACDControllerEvent] { events.withLock { $0 } }

    func first<T>(timeout: Duration = .seconds(20), _ match: (ACDControllerEvent) -> T?) async -> T? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let found = all.lazy.compactMap(match).first { return found }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }
}
