import AMI
import CTICore
import Logging

/// A client configuration with short timers for loopback tests.
func testConfiguration(port: Int, secret: String = "good", method: AMICredentials.Method = .plain) -> AMIClientConfiguration {
    var configuration = AMIClientConfiguration(
        host: "127.0.0.1", port: port, credentials: AMICredentials(username: "ctibridge", secret: secret, method: method))
    configuration.connectTimeout = .seconds(10)
    // Safety nets only (tests of timeouts set their own): long enough for a busy CI machine.
    configuration.loginTimeout = .seconds(10)
    configuration.actionTimeout = .seconds(10)
    configuration.listTimeout = .seconds(10)
    configuration.pingInterval = .seconds(30)
    configuration.backoff = Backoff(initial: .milliseconds(20), maximum: .milliseconds(100))
    return configuration
}

/// Reads from `subscription` until `predicate` matches, returning everything read; gives up after `limit` events.
func collect(
    _ subscription: AMIEventSubscription, limit: Int = 10_000, until predicate: (AMIClientEvent) -> Bool
) async -> [AMIClientEvent] {
    var seen: [AMIClientEvent] = []
    for await event in subscription {
        seen.append(event)
        if predicate(event) || seen.count >= limit { break }
    }
    return seen
}

extension AMIClientEvent {
    var isConnected: Bool { if case .connected = self { true } else { false } }
    var isResynced: Bool { if case .resynced = self { true } else { false } }
    var isDisconnected: Bool { if case .disconnected = self { true } else { false } }
}

/// Runs `body` with a client running in a child task; cancels the client afterwards.
func withClient<T: Sendable>(
    _ configuration: AMIClientConfiguration, capacity: Int = 10_000,
    _ body: @escaping @Sendable (AMIClient, AMIEventSubscription) async throws -> T
) async throws -> T {
    let client = AMIClient(configuration: configuration, logger: Logger(label: "test.ami"), randomSeed: 1)
    let subscription = client.subscribe(capacity: capacity)
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await client.run()
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
