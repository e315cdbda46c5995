/// The engine's running timers: at most one of each kind.
struct TimerSlots: Sendable {
    private var slots = [IVRTimerID?](repeating: nil, count: IVRTimer.Kind.allCases.count)

    subscript(kind: IVRTimer.Kind) -> IVRTimerID? {
        get { slots[kind.rawValue] }
        set { slots[kind.rawValue] = newValue }
    }

    /// The kind of the running timer `id`, or nil when it is not running (cancelled or stale).
    func kind(of id: IVRTimerID) -> IVRTimer.Kind? {
        for kind in IVRTimer.Kind.allCases where slots[kind.rawValue] == id { return kind }
        return nil
    }

    /// Stops tracking every timer and returns their ids.
    mutating func removeAll(into out: inout [IVRDecision]) {
        for index in slots.indices {
            if let id = slots[index] {
                out.append(.cancelTimer(id))
                slots[index] = nil
            }
        }
    }
}
