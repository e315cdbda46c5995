/// A set of queue (or agent, or call slot) indices that lists its members, so that clearing it or
/// passing over it costs the indices marked, not every one.
struct QueueMarks: Sendable {
    private var flags: [Bool]
    /// The marked queues, each once, in marking order.
    private(set) var list: [Int] = []

    /// Marks for `queues` queues; `all` marks every one of them.
    init(queues: Int, all: Bool = false) {
        flags = Array(repeating: all, count: queues)
        if all { list = Array(0..<queues) }
    }

    func contains(_ queue: Int) -> Bool { flags[queue] }

    /// Whether `index` is marked; indices past the end (never marked) are not.
    func containsAny(_ index: Int) -> Bool { index < flags.count && flags[index] }

    /// Marks `index`, growing the set first if it is past the end.
    mutating func markGrowing(_ index: Int) {
        if index >= flags.count { flags.append(contentsOf: repeatElement(false, count: index + 1 - flags.count)) }
        mark(index)
    }

    mutating func mark(_ queue: Int) {
        guard !flags[queue] else { return }
        flags[queue] = true
        list.append(queue)
    }

    mutating func removeAll() {
        for queue in list { flags[queue] = false }
        list.removeAll(keepingCapacity: true)
    }
}
