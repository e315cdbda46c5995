import Dispatch

/// Runs blocking or long CPU-bound `work` on a Dispatch thread and returns its result, so it does
/// not hold one of Swift's few cooperative threads that every other test (and server) runs on.
/// Report failures by throwing: `#expect` inside `work` would not know which test it belongs to.
public func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
