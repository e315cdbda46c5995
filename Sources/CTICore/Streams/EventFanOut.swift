import Synchronization

/// Hands each event to every subscriber's own ``BoundedEventStream`` without ever waiting on one.
///
/// A client keeps one of these: `subscribe` adds a stream, `publish` pushes to all of them and
/// returns how many had to drop an older event, `finish` ends every stream (and later ones at once).
public final class EventFanOut<Element: DropMarking>: Sendable {
    private struct State {
        var subscribers: [(id: Int, stream: BoundedEventStream<Element>)] = []
        var nextID = 0
        var finished = false
    }

    private let state = Mutex(State())

    /// An empty fan-out.
    public init() {}

    /// A new stream holding at most `capacity` unread events.
    public func subscribe(capacity: Int) -> BoundedEventStream<Element> {
        state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            let stream = BoundedEventStream<Element>(capacity: capacity) { [weak self] in self?.unsubscribe(id) }
            if state.finished { stream.finish() } else { state.subscribers.append((id, stream)) }
            return stream
        }
    }

    /// Pushes `event` to every subscriber; returns how many dropped their oldest event to keep it.
    @discardableResult
    public func publish(_ event: Element) -> Int {
        let subscribers = state.withLock { $0.subscribers }
        var drops = 0
        for entry in subscribers where !entry.stream.push(event) { drops += 1 }
        return drops
    }

    /// Ends every stream after its buffered events; later subscribers get an ended stream.
    public func finish() {
        let subscribers = state.withLock { state in
            state.finished = true
            defer { state.subscribers.removeAll() }
            return state.subscribers
        }
        for entry in subscribers { entry.stream.finish() }
    }

    private func unsubscribe(_ id: Int) {
        state.withLock { $0.subscribers.removeAll { $0.id == id } }
    }
}
