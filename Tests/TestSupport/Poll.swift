/// Polls `condition` every 20 ms until it holds or `timeout` passes; returns whether it held.
///
/// For tests that wait on another task or process: generous timeouts, no fixed sleeps.
public func poll(timeout: Duration = .seconds(20), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while true {
        if try await condition() { return true }
        guard ContinuousClock.now < deadline else { return false }
        try? await Task.sleep(for: .milliseconds(20))
    }
}
