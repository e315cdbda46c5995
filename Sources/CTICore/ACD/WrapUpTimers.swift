/// Each agent's wrap-up end, and the earliest of them without scanning every agent: a binary
/// heap whose entries go stale when an agent's wrap-up ends or changes, dropped when they surface.
struct WrapUpTimers: Sendable {
    /// Per agent: the end of their wrap-up, or infinity when not in wrap-up.
    private(set) var until: [Double]
    private var heap: [(until: Double, agent: Int)] = []

    init(agents: Int) { until = Array(repeating: .infinity, count: agents) }

    /// Records the agent's wrap-up end (infinity: not in wrap-up).
    mutating func set(_ agent: Int, until end: Double) {
        guard until[agent] != end else { return }
        until[agent] = end
        if end.isFinite { push(end, agent) }
    }

    /// The earliest wrap-up end, or infinity.
    mutating func earliest() -> Double {
        dropStale()
        return heap.first?.until ?? .infinity
    }

    /// Agents whose wrap-up ends at or before `now`, in agent order. Their entries leave the heap;
    /// `keep(_:)` puts back an agent still in wrap-up afterwards.
    mutating func due(at now: Double) -> [Int] {
        var agents: [Int] = []
        dropStale()
        while let first = heap.first, first.until <= now {
            popFirst()
            agents.append(first.agent)
            dropStale()
        }
        guard agents.count > 1 else { return agents }
        agents.sort()
        var unique: [Int] = []
        for agent in agents where unique.last != agent { unique.append(agent) }
        return unique
    }

    /// Puts an agent back in the heap if they are still in wrap-up.
    mutating func keep(_ agent: Int) {
        if until[agent].isFinite { push(until[agent], agent) }
    }

    private mutating func dropStale() {
        while let first = heap.first, until[first.agent] != first.until { popFirst() }
    }

    private mutating func push(_ end: Double, _ agent: Int) {
        heap.append((end, agent))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].until < heap[parent].until else { break }
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
            if left + 1 < heap.count, heap[left + 1].until < heap[left].until { child = left + 1 }
            guard heap[child].until < heap[parent].until else { break }
            heap.swapAt(child, parent)
            parent = child
        }
    }
}
