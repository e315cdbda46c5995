/// What the I/O layer should do, returned by ``ACDEngine/handle(_:at:)`` in order.
public enum ACDDecision: Sendable, Hashable {
    /// The caller joined and waits at `position` (1-based).
    case queued(CallID, queue: QueueID, position: Int)
    /// The caller may not join.
    case joinRefused(CallID, queue: QueueID, reason: JoinRefusal)
    /// Ring these agents for the call (several for ringall) until `until`.
    case offer(Offer)
    /// Stop ringing these agents for the call.
    case cancelOffers(CallID, agents: [AgentID])
    /// Bridge the caller with the agent who answered.
    case connect(CallID, agent: AgentID, queue: QueueID)
    /// Callback: the agent has answered and is connected; now dial the customer.
    case dialCallback(CallID, agent: AgentID, number: String?)
    /// The agent starts wrap-up until `until`.
    case startWrapUp(AgentID, queue: QueueID, until: ACDInstant)
    /// The agent's wrap-up ended; they are available again.
    case wrapUpEnded(AgentID)
    /// The agent missed too many offers and is paused in these queues.
    case autoPause(AgentID, queues: [QueueID], reason: String)
    /// Move the caller to another queue; they keep their enqueue time.
    case overflow(CallID, from: QueueID, to: QueueID)
    /// Release the caller with a callback promise; they keep their place.
    case convertToCallback(CallID, queue: QueueID)
    /// Send the caller to voicemail; the call leaves the queue.
    case voicemail(CallID, queue: QueueID)
    /// The caller leaves because the queue became empty (`leavewhenempty`).
    case leaveEmpty(CallID, queue: QueueID)
    /// Call ``ACDEngine/handle(_:at:)`` with ``ACDEvent/tick`` at this instant.
    case scheduleTimer(at: ACDInstant)

    /// One offer of a call.
    public struct Offer: Sendable, Hashable {
        /// The call.
        public var call: CallID
        /// Its queue.
        public var queue: QueueID
        /// Agents to ring.
        public var agents: [AgentID]
        /// When the offer times out.
        public var until: ACDInstant
        /// A callback: the agent is connected first, then the customer is dialled.
        public var isCallback: Bool
    }
}

/// Why a caller could not join.
public enum JoinRefusal: String, Sendable, Hashable, Codable {
    /// `maxlen` reached.
    case full
    /// No usable member under `joinempty`.
    case empty
}
