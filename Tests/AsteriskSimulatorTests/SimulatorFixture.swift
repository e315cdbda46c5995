import AMI
import AsteriskSimulator
import CTICore
import Logging
import TestSupport

/// A simulator on a free loopback port with user `ctibridge`/`s3cret`, a short refused-login
/// delay, and (for tests that need one) a client configuration for it.
func startAMISimulator(
    delay: Duration = .milliseconds(50), accounts: [String: AMISimulatorUser] = ["ctibridge": AMISimulatorUser(secret: "s3cret")],
    pbx: SimulatedPBX? = nil
) async throws -> (AMISimulator, Int) {
    var configuration = AMISimulatorConfiguration(accounts: accounts)
    configuration.failedLoginDelay = delay
    configuration.tick = .milliseconds(5)
    let simulator = AMISimulator(configuration: configuration, pbx: pbx, logger: Logger(label: "test.simulator"))
    return (simulator, try await simulator.start())
}

/// Client settings with short timers for the simulator on `port`.
func clientConfiguration(port: Int, method: AMICredentials.Method = .md5, events: String = "on") -> AMIClientConfiguration {
    var configuration = AMIClientConfiguration(
        host: "127.0.0.1", port: port, credentials: AMICredentials(username: "ctibridge", secret: "s3cret", method: method, events: events))
    configuration.backoff = Backoff(initial: .milliseconds(20), maximum: .milliseconds(200))
    configuration.actionTimeout = .seconds(15)
    configuration.listTimeout = .seconds(15)
    return configuration
}

/// Runs `body` with a logged-in, resynced client; cancels the client afterwards.
func withClient<T: Sendable>(
    _ configuration: AMIClientConfiguration, _ body: @escaping @Sendable (AMIClient, AMIEventSubscription) async throws -> T
) async throws -> T {
    try await withNetworkTestSlot {
        let client = AMIClient(configuration: configuration, logger: Logger(label: "test.client"), randomSeed: 1)
        let events = client.subscribe()
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await client.run()
                return nil
            }
            group.addTask {
                for await event in events { if case .resynced = event { break } }
                return try await body(client, events)
            }
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

/// Events read from `subscription` until one named `name`, which is returned.
func nextEvent(named name: String, in subscription: AMIEventSubscription) async -> AMIMessage? {
    for await event in subscription {
        if case .event(let message) = event, message.isEvent(named: name) { return message }
    }
    return nil
}

/// Events read until (and including) one that matches.
func events(in subscription: AMIEventSubscription, until predicate: (AMIMessage) -> Bool) async -> [AMIMessage] {
    var seen: [AMIMessage] = []
    for await event in subscription {
        guard case .event(let message) = event else { continue }
        seen.append(message)
        if predicate(message) { break }
    }
    return seen
}

/// Waits until `condition` holds, checking every few milliseconds; false if it never did within `timeout`.
@discardableResult
func eventually(timeout: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        guard ContinuousClock.now < deadline else { return false }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return true
}
