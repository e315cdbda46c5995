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

/// Runs long CPU-bound `work` (a simulation, an exhaustive check) on a thread of its own at the
/// lowest scheduling priority (nice 19), so it uses the cores the network tests beside it leave
/// idle instead of taking an equal share from their cooperative threads. Failures as for
/// ``offCooperativePool(_:)``.
public func inBackground<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await offCooperativePool {
        #if os(Linux)
        // On Linux the nice value belongs to the thread: `who` 0 lowers only the calling one.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #endif
        return try work()
    }
}
