/// A caller in a queue, as a wallboard shows them.
public struct WaitingCall: Sendable, Hashable {
    /// The call.
    public var id: CallID
    /// 1-based place in service order.
    public var position: Int
    /// First entry into any queue (kept across overflow and callback).
    public var enqueuedAt: ACDInstant
    /// Entry into this queue.
    public var enteredQueueAt: ACDInstant
    /// Seconds waited in this queue.
    public var wait: Double
    /// Base + step boost + aging.
    public var effectivePriority: Int
    /// An agent is being rung for it.
    public var isRinging: Bool
    /// The caller hung up and waits for a callback.
    public var isCallback: Bool
}
