/// One instant per queue, and the queues whose instant has come, without scanning every queue
/// (a ``DeadlineHeap``).
///
/// ``take(dueAt:into:)`` hands out the queues due and forgets their instants (infinity), so the
/// caller must ``set(_:to:)`` each of them again once it has worked out their next instant.
struct QueueDeadlines: Sendable {
    private var deadlines: DeadlineHeap

    init(queues: Int) { deadlines = DeadlineHeap(count: queues) }

    /// Records the queue's instant (infinity: none).
    mutating func set(_ queue: Int, to instant: Double) { deadlines.set(queue, to: instant) }

    /// The earliest instant of any queue, or infinity.
    mutating func earliest() -> Double { deadlines.earliest() }

    /// Appends to `queues` every queue whose instant is at or before `now` (each once, earliest
    /// first) and forgets their instants.
    mutating func take(dueAt now: Double, into queues: inout [Int]) {
        while let queue = deadlines.popDue(at: now) {
            deadlines.set(queue, to: .infinity)
            queues.append(queue)
        }
    }
}
