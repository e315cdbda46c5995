/// The engine's live calls by id, remembering which queues' calls changed: for the cached timer
/// figures of those queues (``QueueRecord/deadline``, ``QueueRecord/due``) and for the dispatcher,
/// which only looks again at queues where something changed.
struct CallTable: Sendable {
    private var records: [CallID: CallRecord] = [:]
    /// Per queue: a call of the queue was written or removed since the queue's figures were computed.
    private var changed: [Bool]
    /// Per queue: a call of the queue was written or removed since the last dispatch.
    private var changedSinceDispatch: [Bool]

    init(queues: Int) {
        changed = Array(repeating: true, count: queues)
        changedSinceDispatch = changed
    }

    subscript(id: CallID) -> CallRecord? {
        get { records[id] }
        set {
            if let old = records[id] { mark(old.queue) }
            if let newValue { mark(newValue.queue) }
            records[id] = newValue
        }
    }

    @discardableResult
    mutating func removeValue(forKey id: CallID) -> CallRecord? {
        let old = records.removeValue(forKey: id)
        if let old { mark(old.queue) }
        return old
    }

    private mutating func mark(_ queue: Int) {
        changed[queue] = true
        changedSinceDispatch[queue] = true
    }

    func hasChanged(queue: Int) -> Bool { changed[queue] }

    mutating func markCurrent(queue: Int) { changed[queue] = false }

    func hasChangedSinceDispatch(queue: Int) -> Bool { changedSinceDispatch[queue] }

    mutating func markDispatched() {
        for queue in changedSinceDispatch.indices { changedSinceDispatch[queue] = false }
    }
}
