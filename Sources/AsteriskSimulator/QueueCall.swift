/// A caller inside app_queue: waiting, being offered to a member, or talking to one.
public struct QueueCall: Sendable, Hashable {
    /// Where the call stands.
    public enum Phase: Sendable, Hashable {
        /// Waiting in the queue with music on hold.
        case waiting
        /// Waiting while a member's phone rings.
        case ringing
        /// Bridged to a member.
        case connected
    }

    /// Uniqueid of the caller's channel.
    public var callerID: String
    /// Queue name.
    public var queue: String
    /// When it joined the queue.
    public var joinedAt: WallTime
    /// Its position when it joined.
    public var originalPosition: Int
    /// Where the call stands.
    public internal(set) var phase: Phase = .waiting
    /// Interface of the member offered or connected.
    public internal(set) var member: String?
    /// Uniqueid of the channel dialled to the member (the `;1` half for Local members).
    public internal(set) var agentLeg: String?
    /// Bridge of the connected call.
    public internal(set) var bridgeID: String?
    /// When the member answered.
    public internal(set) var answeredAt: WallTime?

    /// Counts offers, so that a step meant for an earlier offer is ignored.
    var attempt = 0
    /// When the current offer started ringing.
    var ringStartedAt: WallTime?
    /// No new offer before this time (`retry` after a ring-no-answer).
    var notBefore: WallTime?
    /// The member whose offer last rang out.
    var lastTried: String?
    /// For generated calls: the talk time after which the call ends.
    var talkTime: Duration?
    /// For generated calls: whether the caller (rather than the agent) ends it.
    var callerHangsUp = true

    init(callerID: String, queue: String, joinedAt: WallTime, originalPosition: Int) {
        self.callerID = callerID
        self.queue = queue
        self.joinedAt = joinedAt
        self.originalPosition = originalPosition
    }
}
