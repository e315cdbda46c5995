import DequeModule
import Synchronization

/// An element that can stand for a gap of dropped elements in a ``BoundedEventStream``.
public protocol DropMarking: Sendable {
    /// The marker telling a subscriber that `count` elements were dropped here.
    static func dropped(count: Int) -> Self
}

/// A bounded, single-consumer queue of events, for a reader that must never wait on a subscriber.
///
/// When the queue is full the oldest event is dropped and counted, and the subscriber then
/// receives ``DropMarking/dropped(count:)`` where the gap is, so it knows to rebuild its state.
public final class BoundedEventStream<Element: DropMarking>: AsyncSequence, Sendable {
    public typealias Failure = Never

    private struct State {
        var queue = Deque<Element>()
        var pendingDrops = 0
        var totalDrops = 0
        var waiter: CheckedContinuation<Element?, Never>?
        var finished = false
    }

    /// Most events held for this subscriber.
    public let capacity: Int
    private let state = Mutex(State())
    private let onTerminate: @Sendable () -> Void

    package init(capacity: Int, onTerminate: @escaping @Sendable () -> Void = {}) {
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
    package func push(_ event: Element) -> Bool {
        let (waiter, kept): (CheckedContinuation<Element?, Never>?, Bool) = state.withLock { state in
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
    package func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<Element?, Never>? in
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

    func next() async -> Element? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
                let ready: Element?? = state.withLock { state in
                    if state.pendingDrops > 0 {
                        defer { state.pendingDrops = 0 }
                        return .some(Element.dropped(count: state.pendingDrops))
                    }
                    if let event = state.queue.popFirst() { return .some(event) }
                    if state.finished || Task.isCancelled { return .some(nil) }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Element?, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: nil)
        }
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let subscription: BoundedEventStream
        public mutating func next() async -> Element? { await subscription.next() }
        public mutating func next(isolation actor: isolated (any Actor)?) async -> Element? { await subscription.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(subscription: self) }
}
