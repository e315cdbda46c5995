import Foundation

/// Runs async work from a synchronous benchmark's main thread and waits for it.
///
/// The main thread is not one of the cooperative pool's threads, so blocking it is safe.
func runBlocking<Value: Sendable>(_ body: @escaping @Sendable () async throws -> Value) throws -> Value {
    let box = BlockingResult<Value>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.store(.success(try await body())) } catch { box.store(.failure(error)) }
        done.signal()
    }
    done.wait()
    return try box.take()
}

private final class BlockingResult<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Value, any Error>?

    func store(_ value: Result<Value, any Error>) { lock.withLock { result = value } }
    func take() throws -> Value { try lock.withLock { result! }.get() }
}
