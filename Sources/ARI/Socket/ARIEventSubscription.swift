import DequeModule
import Synchronization

/// A bounded, single-consumer queue of ``ARIClientEvent``s.
///
/// The socket reader never waits for a subscriber: when the queue is full the oldest event is
/// dropped and counted, and the subscriber then receives ``ARIClientEvent/eventsDropped(count:)``
/// where the gap is, so it knows to rebuild its state.
public final class ARIEventSubscription: AsyncSequence, Sendable {
    public typealias Element = ARIClientEvent
    public typealias Failure = Never

    private struct State {
        var queue = Deque<ARIClientEvent>()
        var pendingDrops = 0
        var totalDrops = 0
        var waiter: CheckedContinuation<ARIClientEvent?, Never>?
        var finished = false
    }

    /// Most events held for this subscriber.
    public let capacity: Int
    private let state = Mutex(State())
    private let onTerminate: @Sendable () -> Void

    init(capacity: Int, onTerminate: @escaping @Sendable () -> Void = {}) {
        precondition(capacity > 0, "capacity must be positive")
        self.capacity = capacity
        self.onTerminate = onTerminate
    }

    /// Events dropped for this subscriber since it was created.
    public var droppedCount: Int { state.withLock { $0.totalDrops } }

    /// Events waiting to be read.
    public var bufferedCount: Int { state.withLock { $0.queue.count } }

    /// Adds an event without ever blocking; returns false if an older one had to be dropped.
    @discardableResult
    func push(_ event: ARIClientEvent) -> Bool {
        let (waiter, kept): (CheckedContinuation<ARIClientEvent?, Never>?, Bool) = state.withLock { state in
            guard !state.finished else { return (nil, true) }
            if let waiter = state.waiter {
                state.waiter = nil
                return (waiter, true)
            }
            var kept = true
            if state.queue.count >= capacity {
                state.queue.removeFirst()
                state.pendingDrops += 1
                state.totalDrops += 1
                kept = false
            }
            state.queue.append(event)
            return (nil, kept)
        }
        waiter?.resume(returning: event)
        return kept
    }

    /// Ends the sequence after the buffered events.
    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<ARIClientEvent?, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }

    /// Stops this subscription: the client stops feeding it.
    public func cancel() {
        finish()
        onTerminate()
    }

    func next() async -> ARIClientEvent? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<ARIClientEvent?, Never>) in
                let ready: ARIClientEvent?? = state.withLock { state in
                    if state.pendingDrops > 0 {
                        defer { state.pendingDrops = 0 }
                        return .some(.eventsDropped(count: state.pendingDrops))
                    }
                    if let event = state.queue.popFirst() { return .some(event) }
                    if state.finished || Task.isCancelled { return .some(nil) }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<ARIClientEvent?, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: nil)
        }
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let subscription: ARIEventSubscription
        public mutating func next() async -> ARIClientEvent? { await subscription.next() }
        public mutating func next(isolation actor: isolated (any Actor)?) async -> ARIClientEvent? { await subscription.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(subscription: self) }
}
