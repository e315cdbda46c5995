/// One instant per queue, and the queues whose instant has come, without scanning every queue:
/// a binary heap whose entries go stale when a queue's instant changes, dropped when they surface.
///
/// ``take(dueAt:)`` hands out the queues due and forgets their instants (infinity), so the
/// caller must ``set(_:to:)`` each of them again once it has worked out their next instant.
struct QueueDeadlines: Sendable {
    /// Per queue: its instant, or infinity for none.
    private(set) var instants: [Double]
    private var heap: [(instant: Double, queue: Int)] = []

    init(queues: Int) { instants = Array(repeating: .infinity, count: queues) }

    /// Records the queue's instant (infinity: none).
    mutating func set(_ queue: Int, to instant: Double) {
        guard instants[queue] != instant else { return }
        instants[queue] = instant
        if instant.isFinite { push(instant, queue) }
    }

    /// The earliest instant of any queue, or infinity.
    mutating func earliest() -> Double {
        dropStale()
        return heap.first?.instant ?? .infinity
    }

    /// Appends to `queues` every queue whose instant is at or before `now` (each once, in no
    /// particular order) and forgets their instants.
    mutating func take(dueAt now: Double, into queues: inout [Int]) {
        dropStale()
        while let first = heap.first, first.instant <= now {
            popFirst()
            instants[first.queue] = .infinity
            queues.append(first.queue)
            dropStale()
        }
    }

    private mutating func dropStale() {
        while let first = heap.first, instants[first.queue] != first.instant { popFirst() }
    }

    private mutating func push(_ instant: Double, _ queue: Int) {
        heap.append((instant, queue))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].instant < heap[parent].instant else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func popFirst() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { break }
            var child = left
            if left + 1 < heap.count, heap[left + 1].instant < heap[left].instant { child = left + 1 }
            guard heap[child].instant < heap[parent].instant else { break }
            heap.swapAt(child, parent)
            parent = child
        }
    }
}
