/// The engine's live calls, each in a slot of an array (found by id through one dictionary, or
/// directly by slot from the queues' lists without hashing its `String` id), remembering which
/// queues' calls changed: for the cached timer figures of those queues (``QueueRecord/deadline``,
/// ``QueueRecord/due``) and for the dispatcher, which only looks again at queues where something
/// changed (``touchedSinceDispatch`` lists them, so a settle need not scan every queue), and
/// within those, at the calls written since (``wasWrittenSinceDispatch(slot:)``).
///
/// A call keeps its slot from the moment it is written until it is removed; a removed call's slot
/// is reused.
struct CallTable: Sendable {
    private var records: [CallRecord?] = []
    /// Each record's ``CallSummary``, slot for slot, rewritten with the record.
    private var summaries: [CallSummary?] = []
    private var slots: [CallID: Int] = [:]
    private var freeSlots: [Int] = []
    /// Queues with a call written or removed since their figures were computed.
    private var changed: QueueMarks
    /// Queues with a call written or removed since the last dispatch.
    private(set) var touchedSinceDispatch: QueueMarks
    /// Slots written since the last dispatch (a removed call's slot stays marked until then; a
    /// reused slot is written, so marked, anyway).
    private var writtenSinceDispatch = QueueMarks(queues: 0)

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
                    writtenSinceDispatch.markGrowing(slot)
                    records[slot] = newValue
                    summaries[slot] = CallSummary(newValue)
                } else {
                    records[slot] = nil
                    summaries[slot] = nil
                    slots[id] = nil
                    freeSlots.append(slot)
                }
            } else if let newValue {
                mark(newValue.queue)
                let slot = freeSlots.popLast() ?? records.count
                if slot == records.count {
                    records.append(newValue)
                    summaries.append(CallSummary(newValue))
                } else {
                    records[slot] = newValue
                    summaries[slot] = CallSummary(newValue)
                }
                slots[id] = slot
                writtenSinceDispatch.markGrowing(slot)
            }
        }
    }

    /// The call in `slot`, if the slot holds one (borrowed, not copied, when only fields are read).
    /// Writing replaces the live call in that slot (same id), as writing by id would.
    subscript(slot slot: Int) -> CallRecord? {
        _read { yield records[slot] }
        set {
            guard let newValue, let old = records[slot], old.id == newValue.id else {
                preconditionFailure("a slot is written only with the call it holds")
            }
            mark(old.queue)
            mark(newValue.queue)
            writtenSinceDispatch.markGrowing(slot)
            records[slot] = newValue
            summaries[slot] = CallSummary(newValue)
        }
    }

    /// The summary of the call in `slot`, if the slot holds one.
    subscript(summary slot: Int) -> CallSummary? {
        _read { yield summaries[slot] }
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

    /// Whether the call in `slot` was written (arrived, joined, changed phase or step) since the
    /// last dispatch.
    func wasWrittenSinceDispatch(slot: Int) -> Bool { writtenSinceDispatch.containsAny(slot) }

    mutating func markDispatched() {
        touchedSinceDispatch.removeAll()
        writtenSinceDispatch.removeAll()
    }
}
