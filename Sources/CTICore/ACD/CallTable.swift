/// The engine's live calls, each in a slot of an array (found by id through one dictionary, or
/// directly by slot from the queues' lists without hashing its `String` id), remembering which
/// queues' calls changed: for the cached timer figures of those queues (``QueueRecord/deadline``,
/// ``QueueRecord/due``) and for the dispatcher, which only looks again at queues where something
/// changed (``touchedSinceDispatch`` lists them, so a settle need not scan every queue).
///
/// A call keeps its slot from the moment it is written until it is removed; a removed call's slot
/// is reused.
struct CallTable: Sendable {
    private var records: [CallRecord?] = []
    private var slots: [CallID: Int] = [:]
    private var freeSlots: [Int] = []
    /// Queues with a call written or removed since their figures were computed.
    private var changed: QueueMarks
    /// Queues with a call written or removed since the last dispatch.
    private(set) var touchedSinceDispatch: QueueMarks

    init(queues: Int) {
        changed = QueueMarks(queues: queues, all: true)
        touchedSinceDispatch = QueueMarks(queues: queues, all: true)
    }

    subscript(id: CallID) -> CallRecord? {
        get { slots[id].flatMap { records[$0] } }
        set {
            if let slot = slots[id] {
                if let old = records[slot] { mark(old.queue) }
                if let newValue {
                    mark(newValue.queue)
                    records[slot] = newValue
                } else {
                    records[slot] = nil
                    slots[id] = nil
                    freeSlots.append(slot)
                }
            } else if let newValue {
                mark(newValue.queue)
                if let slot = freeSlots.popLast() {
                    records[slot] = newValue
                    slots[id] = slot
                } else {
                    slots[id] = records.count
                    records.append(newValue)
                }
            }
        }
    }

    /// The call in `slot`, if the slot holds one (borrowed, not copied, when only fields are read).
    subscript(slot slot: Int) -> CallRecord? {
        _read { yield records[slot] }
    }

    /// The slot of a live call.
    func slot(of id: CallID) -> Int? { slots[id] }

    @discardableResult
    mutating func removeValue(forKey id: CallID) -> CallRecord? {
        let old = self[id]
        self[id] = nil
        return old
    }

    private mutating func mark(_ queue: Int) {
        changed.mark(queue)
        touchedSinceDispatch.mark(queue)
    }

    /// Appends the queues whose calls changed since their figures were last computed, and
    /// forgets them: the caller recomputes their figures.
    mutating func takeChanged(into queues: inout [Int]) {
        queues.append(contentsOf: changed.list)
        changed.removeAll()
    }

    func hasChangedSinceDispatch(queue: Int) -> Bool { touchedSinceDispatch.contains(queue) }

    mutating func markDispatched() { touchedSinceDispatch.removeAll() }
}
