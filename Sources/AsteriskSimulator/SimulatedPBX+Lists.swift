import AMI

/// The items of the event-list actions, shaped as in the capture: `ActionID` in each item's own
/// place and no `Privilege` (except `Status`, which carries `Privilege: Call`).
extension SimulatedPBX {
    /// `CoreShowChannel` items.
    public func coreShowChannelItems(actionID: String?) -> [AMIMessage] {
        orderedChannels.map { channel in
            var item = AMIMessage()
            item.append("Event", "CoreShowChannel")
            Self.append(actionID, to: &item)
            channel.appendBlock(to: &item)
            item.append("Application", channel.application)
            item.append("ApplicationData", channel.applicationData)
            item.append("Duration", Self.clockText(now - channel.createdAt))
            item.append("BridgeId", channel.bridgeID)
            return item
        }
    }

    /// `Status` items, for every channel or the one named (nil when there is no such channel).
    public func statusItems(channel nameOrID: String?, actionID: String?) -> [AMIMessage]? {
        let selected: [SimChannel]
        if let nameOrID {
            guard let channel = channel(named: nameOrID) else { return nil }
            selected = [channel]
        } else {
            selected = orderedChannels
        }
        return selected.map { channel in
            let local = channel.isLocal
            var item = AMIMessage()
            item.append("Event", "Status")
            item.append("Privilege", "Call")
            channel.appendBlock(to: &item)
            item.append("Type", channel.technology)
            item.append("DNID", "")
            item.append("EffectiveConnectedLineNum", SimChannel.number(channel.connectedNumber))
            item.append("EffectiveConnectedLineName", SimChannel.name(channel.connectedName))
            item.append("TimeToHangup", "0")
            item.append("BridgeID", channel.bridgeID)
            item.append("Application", channel.application)
            item.append("Data", channel.applicationData)
            item.append("Nativeformats", local ? "(slin)" : "(ulaw)")
            item.append("Readformat", local ? "slin" : "ulaw")
            item.append("Readtrans", "")
            item.append("Writeformat", local ? "slin" : "ulaw")
            item.append("Writetrans", "")
            item.append("Callgroup", "0")
            item.append("Pickupgroup", "0")
            item.append("Seconds", String((now - channel.createdAt).wholeSeconds))
            Self.append(actionID, to: &item)
            return item
        }
    }

    /// `QueueParams`, `QueueMember` and `QueueEntry` items, optionally for one queue and one member.
    public func queueStatusItems(queue filter: String?, member memberFilter: String?, actionID: String?) -> [AMIMessage] {
        var items: [AMIMessage] = []
        for queue in orderedQueues where filter == nil || filter == queue.name {
            var params = AMIMessage()
            params.append("Event", "QueueParams")
            params.append("Queue", queue.name)
            params.append("Max", String(queue.maxLength))
            params.append("Strategy", queue.strategy)
            params.append("Calls", String(queue.waiting.count))
            params.append("Holdtime", String(queue.holdTime))
            params.append("TalkTime", String(queue.talkTime))
            params.append("Completed", String(queue.completed))
            params.append("Abandoned", String(queue.abandoned))
            params.append("ServiceLevel", String(queue.serviceLevel))
            let performance = queue.completed > 0 ? 100 * Double(queue.completedInServiceLevel) / Double(queue.completed) : 0
            params.append("ServicelevelPerf", Self.oneDecimal(performance))
            let answeredOrAbandoned = queue.completed + queue.abandoned
            let performance2 = answeredOrAbandoned > 0 ? 100 * Double(queue.completedInServiceLevel) / Double(answeredOrAbandoned) : 0
            params.append("ServicelevelPerf2", Self.oneDecimal(performance2))
            params.append("Weight", String(queue.weight))
            Self.append(actionID, to: &params)
            items.append(params)
            for member in queue.members where memberFilter == nil || memberFilter == member.interface || memberFilter == member.name {
                var item = AMIMessage()
                item.append("Event", "QueueMember")
                member.appendListItem(to: &item, queue: queue.name)
                Self.append(actionID, to: &item)
                items.append(item)
            }
            for (index, id) in queue.waiting.enumerated() {
                guard let channel = channels[id] else { continue }
                var entry = AMIMessage()
                entry.append("Event", "QueueEntry")
                entry.append("Queue", queue.name)
                entry.append("Position", String(index + 1))
                entry.append("Channel", channel.name)
                entry.append("Uniqueid", channel.uniqueID)
                entry.append("CallerIDNum", channel.callerNumber.isEmpty ? "unknown" : channel.callerNumber)
                entry.append("CallerIDName", channel.callerName.isEmpty ? "unknown" : AMIMessage.escapeValue(channel.callerName))
                entry.append("ConnectedLineNum", channel.connectedNumber.isEmpty ? "unknown" : channel.connectedNumber)
                entry.append("ConnectedLineName", channel.connectedName.isEmpty ? "unknown" : AMIMessage.escapeValue(channel.connectedName))
                entry.append("Wait", String((now - (queue.joinedAt[id] ?? now)).wholeSeconds))
                entry.append("Priority", "0")
                Self.append(actionID, to: &entry)
                items.append(entry)
            }
        }
        return items
    }

    /// `QueueSummary` items, optionally for one queue.
    public func queueSummaryItems(queue filter: String?, actionID: String?) -> [AMIMessage] {
        orderedQueues.filter { filter == nil || filter == $0.name }.map { queue in
            let loggedIn = queue.members.filter { $0.status != .unavailable && $0.status != .invalid }
            let available = loggedIn.filter { $0.isAvailable(at: now) }
            let longest = queue.waiting.compactMap { queue.joinedAt[$0] }.min().map { (now - $0).wholeSeconds } ?? 0
            var item = AMIMessage()
            item.append("Event", "QueueSummary")
            item.append("Queue", queue.name)
            item.append("LoggedIn", String(loggedIn.count))
            item.append("Available", String(available.count))
            item.append("Callers", String(queue.waiting.count))
            item.append("HoldTime", String(queue.holdTime))
            item.append("TalkTime", String(queue.talkTime))
            item.append("LongestHoldTime", String(longest))
            Self.append(actionID, to: &item)
            return item
        }
    }

    private static func append(_ actionID: String?, to message: inout AMIMessage) {
        if let actionID, !actionID.isEmpty { message.append("ActionID", actionID) }
    }

    /// `HH:MM:SS`, as CoreShowChannel's `Duration`.
    static func clockText(_ duration: Duration) -> String {
        let total = duration.wholeSeconds
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(two(total / 3600)):\(two(total / 60 % 60)):\(two(total % 60))"
    }

    /// `%2.1f`, as `ServicelevelPerf`.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
