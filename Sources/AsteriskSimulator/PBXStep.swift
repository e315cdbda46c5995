/// Something the simulated PBX does at a later time.
enum PBXStep: Sendable, Hashable {
    /// The next generated call arrives (ignored if traffic was restarted since: other generation).
    case arrival(generation: Int)
    /// Offer waiting callers of a queue to free members.
    case offer(queue: String)
    /// The member rung for offer `attempt` answers.
    case answer(caller: String, attempt: Int)
    /// Offer `attempt` rang out (`timeout`).
    case ringTimeout(caller: String, attempt: Int)
    /// A generated caller runs out of patience.
    case abandon(caller: String)
    /// A generated call's talk time is over.
    case end(caller: String)
}

/// Steps by due time, first scheduled first among equal times (a binary min-heap).
struct Agenda: Sendable {
    struct Entry: Sendable {
        var time: WallTime
        var order: Int
        var step: PBXStep

        func precedes(_ other: Entry) -> Bool { (time, order) < (other.time, other.order) }
    }

    private var heap: [Entry] = []
    private var counter = 0

    /// Number of pending steps.
    var count: Int { heap.count }

    /// When the first step is due.
    var nextTime: WallTime? { heap.first?.time }

    mutating func schedule(_ step: PBXStep, at time: WallTime) {
        counter += 1
        heap.append(Entry(time: time, order: counter, step: step))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the first step if it is due at `time`.
    mutating func popDue(at time: WallTime) -> Entry? {
        guard let first = heap.first, first.time <= time else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count && heap[left].precedes(heap[smallest]) { smallest = left }
                if right < heap.count && heap[right].precedes(heap[smallest]) { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
