import CTICore

/// What the ACD did or saw, for screen-pops, wallboards and storage. Controller mode (ARI) and
/// observer mode (AMI app_queue) report in this one shape.
public enum ACDControllerEvent: Sendable, Hashable {
    /// The caller joined `queue` at `position`.
    case queued(ACDCallInfo, position: Int)
    /// The caller could not join.
    case joinRefused(CallID, queue: QueueID, reason: JoinRefusal)
    /// The agent's phone rings for the call; `wait` is the caller's wait so far in seconds.
    case offered(agent: AgentID, call: ACDCallInfo, wait: Double)
    /// The agent did not take the offer (ring-no-answer, busy or rejected).
    case offerMissed(agent: AgentID, call: CallID)
    /// Caller and agent talk; `bridgeID` and `recording` name the mixing bridge and its recording (nil in observer mode).
    case connected(CallID, agent: AgentID, bridgeID: String?, recording: String?)
    /// A connected call ended.
    case ended(CallID, agent: AgentID, by: ACDCallParty, talkSeconds: Double)
    /// The agent does after-call work until `until`.
    case wrapUp(agent: AgentID, queue: QueueID, until: ACDInstant)
    /// The agent's state changed.
    case agentState(AgentID, AgentState)
    /// The agent missed too many offers and was paused in these queues.
    case autoPaused(AgentID, queues: [QueueID], reason: String)
    /// The caller hung up while waiting after `wait` seconds.
    case abandoned(CallID, queue: QueueID, wait: Double)
    /// A callback whose agent answered ended: `customerAnswered` when the customer was connected,
    /// false when their phone was not answered or could not be dialled.
    case callbackFinished(CallID, queue: QueueID, customerAnswered: Bool)
    /// The caller moved to another queue.
    case overflowed(CallID, from: QueueID, to: QueueID)
    /// The caller left the queue without an agent (voicemail, empty queue, callback).
    case leftQueue(CallID, queue: QueueID, reason: String)
    /// The waiting caller heard their position and expected wait (seconds).
    case announced(CallID, position: Int, expectedWait: Double)
    /// The call was transferred away from its agent.
    case transferred(CallID, from: AgentID, to: ACDTransferTarget)
    /// The caller was put on hold.
    case held(CallID)
    /// The caller was taken off hold.
    case resumed(CallID)
    /// A supervisor joined the call.
    case supervising(CallID, session: String, mode: ACDSupervisionMode)
    /// A supervision session ended.
    case supervisionEnded(session: String)
    /// This subscriber fell behind and `count` of the oldest events were dropped.
    case eventsDropped(count: Int)
}

extension ACDControllerEvent: DropMarking {
    public static func dropped(count: Int) -> ACDControllerEvent { .eventsDropped(count: count) }
}

/// Who ended a call.
public enum ACDCallParty: String, Sendable, Hashable {
    case caller, agent, system
}

/// Where a blind transfer sends the caller.
public enum ACDTransferTarget: Sendable, Hashable {
    /// Back into a queue.
    case queue(QueueID)
    /// To one agent, offered to them directly (in the call's queue when they serve it, else one of theirs).
    case agent(AgentID)
    /// Out to the dialplan at this number.
    case number(String)
}

/// How a supervisor joins a call.
public enum ACDSupervisionMode: String, Sendable, Hashable {
    /// Hears both sides; nobody hears them.
    case listen
    /// Hears both sides; only the agent hears them.
    case whisper
    /// Joins the conversation.
    case barge
}
