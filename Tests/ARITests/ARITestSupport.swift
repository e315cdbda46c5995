import ARI
import AsteriskSimulator
import CTICore
import Foundation
import Logging
import TestSupport

/// A fresh temporary folder for one simulator's recordings.
func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ari-tests-\(UUID().uuidString)", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A simulator with quick timings on loopback, port 0.
func makeSimulator(recordings: URL = temporaryDirectory(), mediaDuration: Duration = .milliseconds(150)) -> ARISimulator {
    var configuration = ARISimulatorConfiguration(username: "ctibridge", password: "s3cret", recordingsDirectory: recordings)
    configuration.mediaDuration = mediaDuration
    configuration.eventDelay = .milliseconds(5)
    configuration.answerDelay = .milliseconds(20)
    return ARISimulator(configuration: configuration, logger: Logger(label: "test.sim.ari"))
}

/// A client configuration for the simulator's base URL with short timers.
func testConfiguration(baseURL: String, password: String = "s3cret", method: ARICredentials.Method = .basic, application: String = "ctibridge") -> ARIConfiguration {
    var configuration = ARIConfiguration(
        baseURL: baseURL, credentials: ARICredentials(username: "ctibridge", password: password, method: method), application: application)
    configuration.requestTimeout = .seconds(15)
    configuration.pingInterval = .seconds(5)
    configuration.backoff = Backoff(initial: .milliseconds(20), maximum: .milliseconds(100))
    return configuration
}

/// Runs `body` while the simulator serves; stops it afterwards.
func withSimulator<T: Sendable>(
    _ simulator: ARISimulator = makeSimulator(),
    _ body: @escaping @Sendable (ARISimulator, String) async throws -> T
) async throws -> T {
    try await withNetworkTestSlot {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await simulator.run()
                return nil
            }
            group.addTask { try await body(simulator, await simulator.baseURL()) }
            while let result = try await group.next() {
                if let result {
                    group.cancelAll()
                    return result
                }
            }
            throw CancellationError()
        }
    }
}

/// Runs `body` with an events client running in a child task; cancels it afterwards.
func withEventsClient<T: Sendable>(
    _ configuration: ARIConfiguration, capacity: Int = 10_000,
    _ body: @escaping @Sendable (ARIEventsClient, ARIEventSubscription) async throws -> T
) async throws -> T {
    let client = ARIEventsClient(configuration: configuration, logger: Logger(label: "test.ari"), randomSeed: 7)
    let subscription = client.subscribe(capacity: capacity)
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try? await client.run()
            return nil
        }
        group.addTask { try await body(client, subscription) }
        while let result = try await group.next() {
            if let result {
                group.cancelAll()
                return result
            }
        }
        throw CancellationError()
    }
}

/// Reads until `predicate` matches, returning everything read; gives up after `timeout`.
func collect(
    _ subscription: ARIEventSubscription, timeout: Duration = .seconds(20), until predicate: @escaping @Sendable (ARIClientEvent) -> Bool
) async throws -> [ARIClientEvent] {
    try await withThrowingTaskGroup(of: [ARIClientEvent]?.self) { group in
        group.addTask {
            var seen: [ARIClientEvent] = []
            for await event in subscription {
                seen.append(event)
                if predicate(event) { return seen }
            }
            return seen
        }
        group.addTask {
            try await Task.sleep(for: timeout)
            return nil
        }
        let first = try await group.next() ?? nil
        group.cancelAll()
        guard let first else { throw TimeoutError() }
        return first
    }
}

struct TimeoutError: Error {}

extension ARIClientEvent {
    var event: ARIEvent? { if case .event(let event) = self { event } else { nil } }
    var type: String? { event?.type }
    var snapshot: ARISnapshot? { if case .resynced(let snapshot) = self { snapshot } else { nil } }
    var isConnected: Bool { if case .connected = self { true } else { false } }
    var disconnectError: ARIError? { if case .disconnected(let error) = self { error } else { nil } }
}

/// The error an ARI call throws, or nil when it succeeds.
func ariError(_ body: () async throws -> Void) async -> ARIError? {
    do {
        try await body()
        return nil
    } catch let error as ARIError {
        return error
    } catch {
        return ARIError(.transport, "unexpected \(error)")
    }
}

/// A simulator serving in a task of its own, so a test can stop and restart it.
final class SimulatorRun: Sendable {
    private let task: Task<Void, any Error>

    init(_ simulator: ARISimulator) {
        task = Task { try await simulator.run() }
    }

    func cancel() { task.cancel() }

    /// Stops serving and waits until the port is closed.
    func stop() async {
        task.cancel()
        _ = await task.result
    }
}
