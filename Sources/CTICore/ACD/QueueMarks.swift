/// A set of queue (or agent) indices that lists its members, so that clearing it or passing over
/// it costs the indices marked, not every one.
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
