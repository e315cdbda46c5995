/// Something that happened, fed to ``ACDEngine/handle(_:at:)`` with the instant it happened.
public enum ACDEvent: Sendable, Hashable {
    /// The agent logs into these queues (nil: all their queues) and becomes ready there.
    case login(AgentID, queues: [QueueID]? = nil)
    /// The agent logs out of these queues (nil: all). A ringing offer is withdrawn; a call in
    /// progress goes on to its end without wrap-up.
    case logout(AgentID, queues: [QueueID]? = nil)
    /// The agent ends wrap-up (if in it) and unpauses everywhere.
    case ready(AgentID)
    /// The agent pauses in these queues (nil: all) with a reason code.
    case pause(AgentID, reason: String, queues: [QueueID]? = nil)
    /// The agent unpauses in these queues (nil: all); also resets the missed-offer count.
    case unpause(AgentID, queues: [QueueID]? = nil)
    /// A caller joins a queue.
    case callArrived(CallArrival)
    /// A waiting (or ringing) caller hung up.
    case callerAbandoned(CallID)
    /// A waiting caller asks to be called back; they keep their place and enqueue time.
    /// `number` defaults to the caller number.
    case callbackRequested(CallID, number: String? = nil)
    /// A callback asked for outside the queue joins it with no caller on the line (see ``ScheduledCallback``).
    case callbackScheduled(ScheduledCallback)
    /// An agent answered the offer.
    case offerAnswered(CallID, agent: AgentID)
    /// An agent declined the offer, or their leg failed: a miss, like a ring timeout.
    case offerNotAnswered(CallID, agent: AgentID)
    /// A connected call ended. Talk = time since connect − `hold`.
    case callEnded(CallID, hold: Double = 0, transferred: Bool = false)
    /// The agent ends wrap-up early (no-op when not in wrap-up).
    case wrapUpEnded(AgentID)
    /// Time passed: run due timers (ring timeouts, wrap-up, routing steps, overflow).
    case tick
}
