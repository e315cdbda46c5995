import HeapModule

/// One instant per index (a queue, an agent), and the earliest of them without scanning every
/// index: swift-collections' `Heap` of (instant, index) entries. Changing an index's instant
/// leaves its old entry behind; stale entries are dropped when they reach the top.
struct DeadlineHeap: Sendable {
    private struct Entry: Comparable, Sendable {
        var instant: Double
        var index: Int

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            lhs.instant != rhs.instant ? lhs.instant < rhs.instant : lhs.index < rhs.index
        }
    }

    /// Per index: its instant, or infinity for none.
    private(set) var instants: [Double]
    private var heap = Heap<Entry>()

    init(count: Int) { instants = Array(repeating: .infinity, count: count) }

    /// Records the index's instant (infinity: none).
    mutating func set(_ index: Int, to instant: Double) {
        guard instants[index] != instant else { return }
        instants[index] = instant
        if instant.isFinite { heap.insert(Entry(instant: instant, index: index)) }
    }

    /// Puts the index's current instant back after ``popDue(at:)`` took its entry.
    mutating func reinsert(_ index: Int) {
        if instants[index].isFinite { heap.insert(Entry(instant: instants[index], index: index)) }
    }

    /// The earliest instant of any index, or infinity.
    mutating func earliest() -> Double {
        dropStale()
        return heap.min?.instant ?? .infinity
    }

    /// Takes the entry of an index whose instant is at or before `now`, earliest first; its
    /// instant stays recorded (see ``reinsert(_:)``, ``set(_:to:)``).
    mutating func popDue(at now: Double) -> Int? {
        dropStale()
        guard let first = heap.min, first.instant <= now else { return nil }
        _ = heap.popMin()
        return first.index
    }

    private mutating func dropStale() {
        while let first = heap.min, instants[first.index] != first.instant { _ = heap.popMin() }
    }
}
