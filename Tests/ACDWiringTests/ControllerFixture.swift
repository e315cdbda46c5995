import ARI
import AsteriskSimulator
import CTICore
import Foundation
import Logging
import Synchronization
import Telephony
import Testing
import TestSupport

/// Everything the controller reported, in order, with a way to wait for one.
final class EventLog: Sendable {
    private let events = Mutex<[ACDControllerEvent]>([])

    func append(_ event: ACDControllerEvent) { events.withLock { $0.append(event) } }

    var all: [ACDControllerEvent] { events.withLock { $0 } }

    /// Waits until an event matching `match` arrived (after `skipping` earlier ones); nil after `timeout`.
    func next<T>(timeout: Duration = .seconds(20), _ match: (ACDControllerEvent) -> T?) async -> T? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let found = all.lazy.compactMap(match).first { return found }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return nil
    }

    /// Waits until `condition` holds over all events.
    func until(timeout: Duration = .seconds(20), _ condition: ([ACDControllerEvent]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(all) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return false
    }
}

/// A controller wired to an ARI simulator over loopback, with its event log.
struct ControllerFixture: Sendable {
    let simulator: ARISimulator
    let controller: ACDController
    let rest: ARIRESTClient
    let log: EventLog

    static let application = "ctibridge"

    /// Runs `body` with a simulator, events client and controller for `engine`; agent `aN` rings at `PJSIP/100N`.
    static func with(
        _ engine: ACDConfiguration, announce: Double? = nil, clock: ACDClock = .continuous(), prepare: @Sendable (inout ACDControllerConfiguration) -> Void = { _ in },
        _ body: @escaping @Sendable (ControllerFixture) async throws -> Void
    ) async throws {
        try await withNetworkTestSlot {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("acd-wiring-\(UUID().uuidString)")
            var simConfiguration = ARISimulatorConfiguration(username: "ctibridge", password: "s3cret", recordingsDirectory: folder)
            simConfiguration.eventDelay = .milliseconds(5)
            simConfiguration.answerDelay = .milliseconds(40)
            let simulator = ARISimulator(configuration: simConfiguration, logger: Logger(label: "test.ari-sim"))
            defer { try? FileManager.default.removeItem(at: folder) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await simulator.run() }
                let base = await simulator.baseURL()
                var ariConfiguration = ARIConfiguration(
                    baseURL: base, credentials: ARICredentials(username: "ctibridge", password: "s3cret"), application: application)
                ariConfiguration.backoff = Backoff(initial: .milliseconds(20), maximum: .milliseconds(200))
                let client = ARIEventsClient(configuration: ariConfiguration, logger: Logger(label: "test.ari"), randomSeed: 7)
                let ready = client.subscribe()
                let feed = client.subscribe()
                group.addTask { try await client.run() }
                for await event in ready {
                    if case .resynced = event { break }
                }
                ready.cancel()
                var configuration = ACDControllerConfiguration(
                    engine: engine,
                    agentEndpoints: Dictionary(uniqueKeysWithValues: engine.agents.map { agent in
                        (agent.id, "PJSIP/10" + String(agent.id.rawValue.dropFirst()).leftPadded(2))
                    }))
                configuration.announcementInterval = announce
                prepare(&configuration)
                let controller = try ACDController(configuration: configuration, rest: client.rest, clock: clock)
                let log = EventLog()
                let stream = controller.events()
                group.addTask {
                    for await event in stream { log.append(event) }
                }
                group.addTask { await controller.run(events: feed) }
                try await body(ControllerFixture(simulator: simulator, controller: controller, rest: client.rest, log: log))
                await controller.shutdown()
                group.cancelAll()
            }
        }
    }

    /// A caller in Stasis (as an IVR leaves them), queued in `queue`.
    func queueCaller(
        _ queue: QueueID, number: String = "+84987654321", variables: [String: String] = ["account": "A-100"]
    ) async throws -> (channel: String, call: CallID, position: Int) {
        let channel = try simulator.injectInboundCall(application: Self.application, callerNumber: number, args: ["ivr-done"])
        let position = try await controller.enqueue(ACDEnqueueRequest(
            channelID: channel.id, queue: queue, callerNumber: number, callerName: "Tran Thi B", dnis: "7000",
            customerID: "cust-42", ivrPath: ["welcome", "menu:1"], variables: variables))
        return (channel.id, CallID(channel.id), position)
    }

    /// Waits for the call to be connected; returns agent, bridge, recording.
    func connected(_ call: CallID) async -> (agent: AgentID, bridge: String, recording: String?)? {
        await log.next(timeout: .seconds(20)) { event in
            if case .connected(call, let agent, let bridge?, let recording) = event { (agent, bridge, recording) } else { nil }
        }
    }

    /// The agent leg of a connected call, as the simulator sees its bridge.
    func agentLeg(of call: CallID, bridge: String) -> String? {
        simulator.channels(inBridge: bridge)?.first { $0 != call.rawValue }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}

/// Small engine configurations for the wiring tests.
enum Site {
    static func agents(_ names: [String], in queues: [QueueID]) -> [AgentConfiguration] {
        names.map { AgentConfiguration(id: AgentID($0), memberships: queues.map { .init($0) }) }
    }

    static func one(queue: QueueConfiguration, agents names: [String]) -> ACDConfiguration {
        ACDConfiguration(queues: [queue], agents: agents(names, in: [queue.id]))
    }
}
