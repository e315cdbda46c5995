import AMI
import CTICore

/// Turns the AMI client's event stream into ``CallActivity`` lines, keeping a ``ChannelTracker``.
///
/// Pure: feed it ``AMIClientEvent`` values, read back activities. When events were dropped it asks
/// its owner to resync (``Output/needsResync``) and rebuilds from the channel list it is given.
public struct CallActivityFeed: Sendable {
    /// What one input produced.
    public struct Output: Sendable, Hashable {
        /// Activities to show, in order.
        public var activities: [CallActivity] = []
        /// Events were lost; fetch `CoreShowChannels` and pass the items to ``resync(channels:afterReconnect:)``.
        public var needsResync = false
    }

    /// The channels being followed.
    public private(set) var tracker = ChannelTracker()

    /// An empty feed.
    public init() {}

    /// Consumes one client event.
    public mutating func consume(_ event: AMIClientEvent) -> Output {
        var output = Output()
        switch event {
        case .event(let message):
            output.activities = apply(message)
        case .resynced(let snapshot):
            output.activities = resync(channels: snapshot.channels, afterReconnect: snapshot.afterReconnect)
        case .disconnected(let error):
            output.activities = [.disconnected(reason: error.message)]
        case .eventsDropped:
            output.needsResync = true
        case .connected:
            break
        }
        return output
    }

    /// Rebuilds from a `CoreShowChannels` list.
    public mutating func resync(channels: [AMIMessage], afterReconnect: Bool) -> [CallActivity] {
        var activities = tracker.resync(channels: channels).compactMap(Self.describe)
        activities.append(.resynced(calls: tracker.calls.count, afterReconnect: afterReconnect))
        return activities
    }

    private mutating func apply(_ message: AMIMessage) -> [CallActivity] {
        var activities = tracker.apply(message).compactMap(Self.describe)
        if let queueEvent = AppQueueEvent(message), let activity = describe(queueEvent) { activities.append(activity) }
        return activities
    }

    private static func describe(_ change: ChannelChange) -> CallActivity? {
        switch change {
        case .callStarted(let linkedID, let leg): .started(linkedID: linkedID, callerNumber: leg.callerIDNumber, callerName: leg.callerIDName)
        case .callEnded(let linkedID): .ended(linkedID: linkedID)
        default: nil
        }
    }

    private func linkedID(of uniqueID: String) -> String { tracker.legs[uniqueID]?.linkedID ?? uniqueID }

    private func describe(_ event: AppQueueEvent) -> CallActivity? {
        switch event {
        case .callerJoined(let caller, let queue, let position, _):
            .queued(linkedID: linkedID(of: caller), queue: queue, position: position)
        case .callerAbandoned(let caller, let queue, _, _, let hold):
            .abandoned(linkedID: linkedID(of: caller), queue: queue, waitSeconds: hold)
        case .agentCalled(let info):
            .offered(linkedID: linkedID(of: info.callerUniqueID), queue: info.queue, agent: info.memberName)
        case .agentRingNoAnswer(let info, let ring):
            .missed(linkedID: linkedID(of: info.callerUniqueID), queue: info.queue, agent: info.memberName, ringSeconds: ring)
        case .agentConnected(let info, let hold, _):
            .answered(linkedID: linkedID(of: info.callerUniqueID), queue: info.queue, agent: info.memberName, waitSeconds: hold)
        case .agentCompleted(let info, _, let talk, let reason):
            .completed(linkedID: linkedID(of: info.callerUniqueID), queue: info.queue, agent: info.memberName, talkSeconds: talk, endedBy: reason)
        case .callerLeft, .agentDumped, .memberChanged:
            nil
        }
    }
}
