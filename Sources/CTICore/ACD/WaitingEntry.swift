/// A waiting caller in the dispatcher's list: the parts of its ``ACDEngine/ServiceKey`` that
/// order callers (effective priority, enqueue time), its slot in the ``CallTable``, and whether
/// only fresh agents need checking for it. Holds no reference, so building and sorting the list
/// retains nothing; the call's id, the last tie-break, is read from the record only for exact ties.
struct WaitingEntry: Sendable {
    var priority: Int
    var enqueuedAt: Double
    var slot: Int
    var freshOnly: Bool
}
