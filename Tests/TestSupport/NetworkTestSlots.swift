import Foundation
import Synchronization

/// Caps how many tests run a network fixture (servers, simulators, clients) at once.
///
/// Swift Testing starts every test together, and they all share Swift's cooperative pool, one
/// thread per core. On a 2-core CI machine a few hundred fixtures at once queue each other's
/// work for tens of seconds, and a test's own timeouts (a frame within 30 s, an event within
/// 20 s) then fail on time spent waiting for others. With a slot each, a fixture's timeouts
/// measure its own work. Nested fixtures in one test share the outer slot.
public enum NetworkTestSlots {
    /// Slots: `CTI_TEST_NETWORK_SLOTS` if set, else twice the core count, at least 4.
    public static let width: Int = {
        if let text = ProcessInfo.processInfo.environment["CTI_TEST_NETWORK_SLOTS"], let value = Int(text), value > 0 {
            return value
        }
        return max(4, 2 * ProcessInfo.processInfo.activeProcessorCount)
    }()

    @TaskLocal static var held = false
    static let semaphore = FIFOSemaphore(width)
}

/// Runs `body` holding one of ``NetworkTestSlots``, waiting for a free slot first (not when the
/// task already holds one).
public func withNetworkTestSlot<T>(
    isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T
) async throws -> T {
    if NetworkTestSlots.held { return try await body() }
    await NetworkTestSlots.semaphore.acquire()
    defer { NetworkTestSlots.semaphore.release() }
    return try await NetworkTestSlots.$held.withValue(true, operation: body, isolation: isolation)
}

/// A counting semaphore whose waiters are served first come, first served.
final class FIFOSemaphore: Sendable {
    private struct State {
        var available: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
    }
    private let state: Mutex<State>

    init(_ count: Int) { state = Mutex(State(available: count)) }

    func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = state.withLock { state in
                if state.available > 0 {
                    state.available -= 1
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if granted { continuation.resume() }
        }
    }

    func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.available += 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
