/// What changed in the tracked channels after one AMI event or resync.
public enum ChannelChange: Sendable, Hashable {
    /// A call (Linkedid) got its first leg.
    case callStarted(linkedID: String, firstLeg: ChannelLeg)
    /// A leg appeared.
    case legAdded(ChannelLeg)
    /// A leg's state, caller ID, bridge, queue or agent changed.
    case legUpdated(ChannelLeg)
    /// A leg moved to another call because Linkedid changed on a bridge join.
    case legMoved(ChannelLeg, fromLinkedID: String)
    /// A leg hung up (or vanished by the time of a resync), with Asterisk's cause when known.
    case legEnded(ChannelLeg, cause: Int?)
    /// A caller waiting in a queue hung up.
    case callerAbandoned(ChannelLeg, queue: String, holdSeconds: Int?)
    /// A call's last leg ended.
    case callEnded(linkedID: String)
}
