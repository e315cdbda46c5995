import Foundation

/// Runs blocking or long CPU-bound `work` on a thread of its own and returns its result, so it does
/// not hold one of Swift's few cooperative threads that every other test (and server) runs on. (On
/// Linux, Dispatch's global queues share those threads, so `DispatchQueue.global()` would not do.)
/// Report failures by throwing: `#expect` inside `work` would not know which test it belongs to.
public func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
