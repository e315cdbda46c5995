import AMI

/// The event-list actions, shaped as in the captures: a start response, items carrying
/// `ActionID` and no `Privilege` (except `Status`), and a `…Complete` event.
enum AMISimulatorLists {
    static func coreShowChannels(_ action: AMIMessage, pbx: SimulatedPBX, now: Double) -> [AMIMessage] {
        let items = pbx.orderedChannels.map { channel -> AMIMessage in
            var item = AMIMessage()
            item.append("Event", "CoreShowChannel")
            appendID(action, to: &item)
            channel.appendBlock(to: &item)
            item.append("Application", channel.application)
            item.append("ApplicationData", channel.applicationData)
            item.append("Duration", clock(now - channel.createdAt))
            item.append("BridgeId", channel.bridgeID)
            return item
        }
        return list(action, "Channels will follow", items, complete: "CoreShowChannelsComplete")
    }

    static func status(_ action: AMIMessage, pbx: SimulatedPBX, now: Double) -> [AMIMessage] {
        let wanted = action["Channel"].flatMap { $0.isEmpty ? nil : $0 }
        let channels = pbx.orderedChannels.filter { wanted == nil || $0.name == wanted || $0.uniqueID == wanted }
        let items = channels.map { channel -> AMIMessage in
            var item = AMIMessage()
            item.append("Event", "Status")
            item.append("Privilege", "Call")
            channel.appendBlock(to: &item)
            item.append("Type", channel.technology)
            item.append("DNID", "")
            item.append("EffectiveConnectedLineNum", SimChannel.shown(channel.connectedNumber))
            item.append("EffectiveConnectedLineName", SimChannel.shown(channel.connectedName))
            item.append("TimeToHangup", "0")
            item.append("BridgeID", channel.bridgeID)
            item.append("Application", channel.application)
            item.append("Data", channel.applicationData)
            item.append("Nativeformats", "(ulaw)")
            item.append("Readformat", "ulaw")
            item.append("Readtrans", "")
            item.append("Writeformat", "ulaw")
            item.append("Writetrans", "")
            item.append("Callgroup", "0")
            item.append("Pickupgroup", "0")
            item.append("Seconds", String(Int(now - channel.createdAt)))
            appendID(action, to: &item)
            return item
        }
        var messages = list(action, "Channel status will follow", items, complete: "StatusComplete")
        messages[messages.count - 1].append("Items", String(items.count))
        return messages
    }

    static func queueStatus(_ action: AMIMessage, pbx: SimulatedPBX, now: Double) -> [AMIMessage] {
        let wanted = action["Queue"].flatMap { $0.isEmpty ? nil : $0 }
        var items: [AMIMessage] = []
        for name in pbx.queueOrder where wanted == nil || wanted == name {
            guard let queue = pbx.queues[name] else { continue }
            var params = AMIMessage()
            params.append("Event", "QueueParams")
            params.append("Queue", name)
            params.append("Max", "0")
            params.append("Strategy", queue.strategy)
            params.append("Calls", String(queue.waiting.count))
            params.append("Holdtime", String(queue.completed > 0 ? Int(queue.totalHold / Double(queue.completed)) : 0))
            params.append("TalkTime", String(queue.completed > 0 ? Int(queue.totalTalk / Double(queue.completed)) : 0))
            params.append("Completed", String(queue.completed))
            params.append("Abandoned", String(queue.abandoned))
            params.append("ServiceLevel", "0")
            params.append("ServicelevelPerf", "0.0")
            params.append("ServicelevelPerf2", "0.0")
            params.append("Weight", "0")
            appendID(action, to: &params)
            items.append(params)
            for member in queue.members {
                var item = AMIMessage()
                item.append("Event", "QueueMember")
                item.append("Queue", name)
                item.append("Name", member.name)
                item.append("Location", member.interface)
                item.append("StateInterface", member.stateInterface)
                item.append("Membership", member.membership)
                item.append("Penalty", String(member.penalty))
                item.append("CallsTaken", String(member.callsTaken))
                item.append("LastCall", String(member.lastCall))
                item.append("LastPause", String(member.lastPause))
                item.append("LoginTime", String(member.loginTime))
                item.append("InCall", member.inCall ? "1" : "0")
                item.append("Status", String(member.status))
                item.append("Paused", member.paused ? "1" : "0")
                item.append("PausedReason", member.pausedReason)
                item.append("Wrapuptime", "0")
                appendID(action, to: &item)
                items.append(item)
            }
            for (index, id) in queue.waiting.enumerated() {
                guard let channel = pbx.channels[id] else { continue }
                var entry = AMIMessage()
                entry.append("Event", "QueueEntry")
                entry.append("Queue", name)
                entry.append("Position", String(index + 1))
                entry.append("Channel", channel.name)
                entry.append("Uniqueid", channel.uniqueID)
                entry.append("CallerIDNum", SimChannel.shown(channel.callerNumber))
                entry.append("CallerIDName", SimChannel.shown(channel.callerName))
                entry.append("ConnectedLineNum", SimChannel.shown(channel.connectedNumber))
                entry.append("ConnectedLineName", SimChannel.shown(channel.connectedName))
                entry.append("Wait", String(Int(now - (queue.joinedAt[id] ?? now))))
                entry.append("Priority", "0")
                appendID(action, to: &entry)
                items.append(entry)
            }
        }
        return list(action, "Queue status will follow", items, complete: "QueueStatusComplete")
    }

    static func queueSummary(_ action: AMIMessage, pbx: SimulatedPBX, now: Double) -> [AMIMessage] {
        let wanted = action["Queue"].flatMap { $0.isEmpty ? nil : $0 }
        let items = pbx.queueOrder.filter { wanted == nil || wanted == $0 }.compactMap { name -> AMIMessage? in
            guard let queue = pbx.queues[name] else { return nil }
            let longest = queue.waiting.compactMap { queue.joinedAt[$0] }.min().map { Int(now - $0) } ?? 0
            var item = AMIMessage()
            item.append("Event", "QueueSummary")
            item.append("Queue", name)
            item.append("LoggedIn", String(queue.members.count))
            item.append("Available", String(queue.members.filter(\.isAvailable).count))
            item.append("Callers", String(queue.waiting.count))
            item.append("HoldTime", String(queue.completed > 0 ? Int(queue.totalHold / Double(queue.completed)) : 0))
            item.append("TalkTime", String(queue.completed > 0 ? Int(queue.totalTalk / Double(queue.completed)) : 0))
            item.append("LongestHoldTime", String(longest))
            appendID(action, to: &item)
            return item
        }
        return list(action, "Queue summary will follow", items, complete: "QueueSummaryComplete")
    }

    private static func list(_ action: AMIMessage, _ message: String, _ items: [AMIMessage], complete: String) -> [AMIMessage] {
        var start = AMIActionResponder.response(to: action, "Success")
        start.append("EventList", "start")
        start.append("Message", message)
        var end = AMIMessage()
        end.append("Event", complete)
        appendID(action, to: &end)
        end.append("EventList", "Complete")
        end.append("ListItems", String(items.count))
        return [start] + items + [end]
    }

    private static func appendID(_ action: AMIMessage, to message: inout AMIMessage) {
        if let id = action.actionID, !id.isEmpty { message.append("ActionID", id) }
    }

    /// `HH:MM:SS`, as CoreShowChannel's `Duration`.
    static func clock(_ seconds: Double) -> String {
        let total = max(0, Int(seconds))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(two(total / 3600)):\(two(total / 60 % 60)):\(two(total % 60))"
    }
}
