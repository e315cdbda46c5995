import AMI

/// Follows Asterisk's channels from AMI events, with no I/O.
///
/// Legs are keyed by Uniqueid and grouped into calls by Linkedid. Event order is not trusted:
/// any channel event creates the leg it names, duplicates change nothing, a Linkedid change
/// moves the leg, and ``resync(channels:)`` rebuilds everything from a `CoreShowChannels` list.
public struct ChannelTracker: Sendable {
    /// Legs by Uniqueid.
    public private(set) var legs: [String: ChannelLeg] = [:]
    /// Uniqueids by Linkedid.
    public private(set) var calls: [String: Set<String>] = [:]

    /// An empty tracker.
    public init() {}

    /// The legs of one call.
    public func legs(ofCall linkedID: String) -> [ChannelLeg] {
        (calls[linkedID] ?? []).compactMap { legs[$0] }.sorted { $0.uniqueID < $1.uniqueID }
    }

    /// Applies one AMI event and returns what changed.
    public mutating func apply(_ event: AMIMessage) -> [ChannelChange] {
        guard let name = event.eventName else { return [] }
        switch name {
        case "Hangup":
            return hangup(event)
        case "QueueCallerJoin":
            return annotate(event) { $0.queue = event["Queue"] }
        case "AgentConnect":
            return annotate(event) { $0.agent = event["MemberName"] ?? event["Interface"] }
        case "QueueCallerAbandon":
            var changes = annotate(event) { _ in }
            if let uniqueID = event["Uniqueid"], let leg = legs[uniqueID] {
                changes.append(.callerAbandoned(leg, queue: event["Queue"] ?? "", holdSeconds: event["HoldTime"].flatMap { Int($0) }))
            }
            return changes
        case "BridgeEnter":
            return annotate(event) { $0.bridgeID = event["BridgeUniqueid"] }
        case "BridgeLeave":
            return annotate(event) { $0.bridgeID = nil }
        case "Newexten":
            return annotate(event) { $0.application = event["Application"] }
        case "Rename":
            return annotate(event) { if let new = event["Newname"] { $0.name = new } }
        case "Newchannel", "Newstate", "NewCallerid", "NewConnectedLine", "DialBegin", "DialEnd",
            "MusicOnHoldStart", "MusicOnHoldStop", "MixMonitorStart", "MixMonitorStop", "AgentCalled",
            "AgentComplete", "QueueCallerLeave", "HangupRequest", "SoftHangupRequest", "VarSet", "NewAccountCode":
            return annotate(event) { _ in }
        default:
            return []
        }
    }

    /// Replaces the tracked state with Asterisk's current channels (`CoreShowChannel` items);
    /// legs that are gone are reported as ended, new ones as added.
    public mutating func resync(channels items: [AMIMessage]) -> [ChannelChange] {
        var fresh: [String: ChannelLeg] = [:]
        for item in items {
            guard var leg = ChannelLeg(channelBlock: item) else { continue }
            if let old = legs[leg.uniqueID] {
                leg.queue = old.queue
                leg.agent = old.agent
            }
            fresh[leg.uniqueID] = leg
        }
        var changes: [ChannelChange] = []
        for (id, leg) in legs where fresh[id] == nil {
            changes.append(contentsOf: remove(leg, cause: nil))
        }
        for leg in fresh.values.sorted(by: { $0.uniqueID < $1.uniqueID }) {
            changes.append(contentsOf: upsert(leg))
        }
        return changes
    }

    /// Applies `mutate` to the leg the event's channel block names, creating it if needed.
    private mutating func annotate(_ event: AMIMessage, _ mutate: (inout ChannelLeg) -> Void) -> [ChannelChange] {
        guard var incoming = ChannelLeg(channelBlock: event) else { return [] }
        if var existing = legs[incoming.uniqueID] {
            existing.update(from: event)
            existing.linkedID = incoming.linkedID
            incoming = existing
        }
        mutate(&incoming)
        return upsert(incoming)
    }

    private mutating func upsert(_ leg: ChannelLeg) -> [ChannelChange] {
        guard let old = legs[leg.uniqueID] else {
            legs[leg.uniqueID] = leg
            let isNewCall = calls[leg.linkedID, default: []].isEmpty
            calls[leg.linkedID, default: []].insert(leg.uniqueID)
            return isNewCall ? [.callStarted(linkedID: leg.linkedID, firstLeg: leg), .legAdded(leg)] : [.legAdded(leg)]
        }
        guard old != leg else { return [] }
        legs[leg.uniqueID] = leg
        guard old.linkedID != leg.linkedID else { return [.legUpdated(leg)] }
        var changes: [ChannelChange] = []
        calls[old.linkedID]?.remove(leg.uniqueID)
        if calls[old.linkedID]?.isEmpty == true {
            calls[old.linkedID] = nil
            changes.append(.callEnded(linkedID: old.linkedID))
        }
        calls[leg.linkedID, default: []].insert(leg.uniqueID)
        changes.insert(.legMoved(leg, fromLinkedID: old.linkedID), at: 0)
        return changes
    }

    private mutating func hangup(_ event: AMIMessage) -> [ChannelChange] {
        // A duplicate Hangup, or one for a leg never seen, changes nothing.
        guard let uniqueID = event["Uniqueid"], var leg = legs[uniqueID] else { return [] }
        leg.update(from: event)
        return remove(leg, cause: event["Cause"].flatMap { Int($0) })
    }

    private mutating func remove(_ leg: ChannelLeg, cause: Int?) -> [ChannelChange] {
        legs[leg.uniqueID] = nil
        var changes: [ChannelChange] = [.legEnded(leg, cause: cause)]
        calls[leg.linkedID]?.remove(leg.uniqueID)
        if calls[leg.linkedID]?.isEmpty == true {
            calls[leg.linkedID] = nil
            changes.append(.callEnded(linkedID: leg.linkedID))
        }
        return changes
    }
}
