import AMI

/// The state of the simulated Asterisk: channels, bridges, queues and variables.
///
/// Pure: every operation takes the time and returns the AMI events Asterisk would raise, in order,
/// so the same code serves the live server, the traffic generator and event-stream benchmarks.
public struct SimulatedPBX: Sendable {
    /// Channels by Uniqueid.
    public private(set) var channels: [String: SimChannel] = [:]
    /// Uniqueids in creation order.
    public private(set) var channelOrder: [String] = []
    /// Queues by name.
    public var queues: [String: SimQueue]
    /// Queue names in configuration order.
    public let queueOrder: [String]
    /// Global variables.
    public var globals: [String: String] = [:]
    /// Epoch seconds the simulated Asterisk started.
    public let bootTime: Double
    private var sequence = 0
    private var channelCounter = 0
    private var bridgeCounter = 0
    private var bridges: [String: [String]] = [:]

    /// A PBX started at `bootTime` with these queues.
    public init(bootTime: Double, queues: [SimQueue]) {
        self.bootTime = bootTime
        self.queues = Dictionary(queues.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.queueOrder = queues.map(\.name)
    }

    /// The default demo site: queue `support` (Alice, Bob, Carol) and `sales` (Dave, Erin).
    public static func demo(bootTime: Double) -> SimulatedPBX {
        let login = Int(bootTime)
        return SimulatedPBX(bootTime: bootTime, queues: [
            SimQueue(name: "support", members: [
                SimQueueMember(name: "Alice", interface: "PJSIP/1001", loginTime: login),
                SimQueueMember(name: "Bob", interface: "PJSIP/1002", loginTime: login),
                SimQueueMember(name: "Carol", interface: "PJSIP/1003", loginTime: login),
            ]),
            SimQueue(name: "sales", members: [
                SimQueueMember(name: "Dave", interface: "PJSIP/1004", loginTime: login),
                SimQueueMember(name: "Erin", interface: "PJSIP/1005", loginTime: login),
            ]),
        ])
    }

    /// Channels in creation order.
    public var orderedChannels: [SimChannel] { channelOrder.compactMap { channels[$0] } }

    /// Finds a channel by Uniqueid or by name.
    public func channel(named nameOrID: String) -> SimChannel? {
        channels[nameOrID] ?? channels.values.first { $0.name == nameOrID }
    }

    /// A fresh Uniqueid, `<boot epoch>.<sequence>`.
    public mutating func nextUniqueID() -> String {
        sequence += 1
        return "\(Int(bootTime)).\(sequence)"
    }

    // MARK: Channels

    /// Creates a channel on `resource` (e.g. `PJSIP/trunk`) and returns it with its `Newchannel`.
    public mutating func newChannel(
        resource: String, uniqueID: String? = nil, linkedID: String? = nil, state: Int,
        callerNumber: String = "", callerName: String = "", context: String, exten: String, at time: Double
    ) -> (SimChannel, [AMIMessage]) {
        channelCounter += 1
        let id = uniqueID ?? nextUniqueID()
        let suffix = String(channelCounter, radix: 16)
        let channel = SimChannel(
            uniqueID: id, linkedID: linkedID ?? id, name: "\(resource)-\(String(repeating: "0", count: max(0, 8 - suffix.count)))\(suffix)",
            state: state, callerNumber: callerNumber, callerName: callerName, connectedNumber: "", connectedName: "",
            context: context, exten: exten, priority: 1, application: "", applicationData: "", bridgeID: "", createdAt: time,
            variables: [:])
        channels[id] = channel
        channelOrder.append(id)
        return (channel, [SimEvents.channelEvent("Newchannel", channel, at: time)])
    }

    /// Changes a channel's state (`Newstate`).
    public mutating func setState(_ id: String, _ state: Int, at time: Double) -> [AMIMessage] {
        guard var channel = channels[id], channel.state != state else { return [] }
        channel.state = state
        channels[id] = channel
        return [SimEvents.channelEvent("Newstate", channel, at: time)]
    }

    /// Sets the connected line (`NewConnectedLine`).
    public mutating func setConnectedLine(_ id: String, number: String, name: String, at time: Double) -> [AMIMessage] {
        guard var channel = channels[id] else { return [] }
        channel.connectedNumber = number
        channel.connectedName = name
        channels[id] = channel
        return [SimEvents.channelEvent("NewConnectedLine", channel, at: time)]
    }

    /// Runs a dialplan application (`Newexten`).
    public mutating func runApplication(_ id: String, _ application: String, data: String, at time: Double) -> [AMIMessage] {
        guard var channel = channels[id] else { return [] }
        channel.priority += 1
        channel.application = application
        channel.applicationData = data
        channels[id] = channel
        var event = SimEvents.event("Newexten", "dialplan", at: time)
        channel.appendBlock(to: &event)
        event.append("Extension", channel.exten)
        event.append("Application", application)
        event.append("AppData", data)
        return [event]
    }

    /// Sets a channel variable (`VarSet`), or a global one when `id` is nil.
    public mutating func setVariable(_ id: String?, _ name: String, _ value: String, at time: Double) -> [AMIMessage] {
        guard let id else {
            globals[name] = value
            return []
        }
        guard var channel = channels[id] else { return [] }
        channel.variables[name] = value
        channels[id] = channel
        var event = SimEvents.event("VarSet", "dialplan", at: time)
        channel.appendBlock(to: &event)
        event.append("Variable", name)
        event.append("Value", value)
        return [event]
    }

    /// Reads a channel variable or function, or a global.
    public func variable(_ name: String, channel id: String?) -> String? {
        guard let id else { return globals[name] }
        guard let channel = channel(named: id) else { return nil }
        switch name.uppercased() {
        case "CHANNEL(LINKEDID)": return channel.linkedID
        case "CHANNEL(UNIQUEID)", "UNIQUEID": return channel.uniqueID
        case "CALLERID(NUM)": return channel.callerNumber
        case "CALLERID(NAME)": return channel.callerName
        default: return channel.variables[name] ?? ""
        }
    }

    /// Hangs a channel up: leaves its bridge and queue, then `HangupRequest` (when requested) and `Hangup`.
    public mutating func hangup(_ id: String, cause: Int = 16, requested: Bool = true, at time: Double) -> [AMIMessage] {
        guard let channel = channels[id] else { return [] }
        var events: [AMIMessage] = []
        if !channel.bridgeID.isEmpty { events += leaveBridge(id, at: time) }
        for name in queueOrder where queues[name]?.waiting.contains(id) == true {
            events += leaveQueue(id, queue: name, at: time)
        }
        if requested {
            var request = SimEvents.channelEvent("HangupRequest", channels[id] ?? channel, at: time)
            request.append("Cause", String(cause))
            events.append(request)
        }
        var hangup = SimEvents.channelEvent("Hangup", channels[id] ?? channel, at: time)
        hangup.append("Cause", String(cause))
        hangup.append("Cause-txt", SimEvents.causeText(cause))
        events.append(hangup)
        channels[id] = nil
        channelOrder.removeAll { $0 == id }
        return events
    }

    // MARK: Bridges

    /// Puts two channels in a new basic bridge; both adopt the older Linkedid.
    public mutating func bridge(_ first: String, _ second: String, at time: Double) -> (String, [AMIMessage]) {
        bridgeCounter += 1
        let id = bridgeIdentifier(bridgeCounter)
        var events = [SimEvents.bridge("BridgeCreate", id: id, channels: 0, at: time)]
        let linked = [channels[first]?.linkedID, channels[second]?.linkedID].compactMap { $0 }.min() ?? first
        bridges[id] = []
        for member in [first, second] {
            guard var channel = channels[member] else { continue }
            channel.bridgeID = id
            channel.linkedID = linked
            channels[member] = channel
            bridges[id, default: []].append(member)
            var event = SimEvents.bridge("BridgeEnter", id: id, channels: bridges[id]?.count ?? 0, at: time)
            channel.appendBlock(to: &event)
            events.append(event)
        }
        return (id, events)
    }

    /// Takes a channel out of its bridge; the last one out destroys the bridge.
    public mutating func leaveBridge(_ id: String, at time: Double) -> [AMIMessage] {
        guard var channel = channels[id], !channel.bridgeID.isEmpty else { return [] }
        let bridgeID = channel.bridgeID
        channel.bridgeID = ""
        channels[id] = channel
        bridges[bridgeID]?.removeAll { $0 == id }
        let remaining = bridges[bridgeID]?.count ?? 0
        var leave = SimEvents.bridge("BridgeLeave", id: bridgeID, channels: remaining, at: time)
        channel.appendBlock(to: &leave)
        var events = [leave]
        if remaining == 0 {
            bridges[bridgeID] = nil
            events.append(SimEvents.bridge("BridgeDestroy", id: bridgeID, channels: 0, at: time))
        }
        return events
    }

    // MARK: Queues

    /// A caller joins a queue (`QueueCallerJoin`).
    public mutating func joinQueue(_ id: String, queue name: String, at time: Double) -> [AMIMessage] {
        guard var queue = queues[name], let channel = channels[id] else { return [] }
        queue.waiting.append(id)
        queue.joinedAt[id] = time
        queues[name] = queue
        var event = SimEvents.channelEvent("QueueCallerJoin", channel, at: time, privilege: "agent")
        event.append("Queue", name)
        event.append("Position", String(queue.waiting.count))
        event.append("Count", String(queue.waiting.count))
        return [event]
    }

    /// A caller leaves a queue (`QueueCallerLeave`).
    public mutating func leaveQueue(_ id: String, queue name: String, at time: Double) -> [AMIMessage] {
        guard var queue = queues[name], let position = queue.waiting.firstIndex(of: id), let channel = channels[id] else { return [] }
        queue.waiting.remove(at: position)
        queue.joinedAt[id] = nil
        queues[name] = queue
        var event = SimEvents.channelEvent("QueueCallerLeave", channel, at: time, privilege: "agent")
        event.append("Queue", name)
        event.append("Position", String(position + 1))
        event.append("Count", String(queue.waiting.count))
        return [event]
    }

    /// A waiting caller hangs up (`QueueCallerAbandon`, then leave and hang-up events).
    public mutating func abandon(_ id: String, queue name: String, at time: Double) -> [AMIMessage] {
        guard var queue = queues[name], let position = queue.waiting.firstIndex(of: id), let channel = channels[id] else { return [] }
        let hold = Int(time - (queue.joinedAt[id] ?? time))
        queue.abandoned += 1
        queues[name] = queue
        var event = SimEvents.channelEvent("QueueCallerAbandon", channel, at: time, privilege: "agent")
        event.append("Queue", name)
        event.append("Position", String(position + 1))
        event.append("OriginalPosition", String(position + 1))
        event.append("HoldTime", String(hold))
        return [SimEvents.channelEvent("MusicOnHoldStop", channel, at: time), event] + hangup(id, at: time)
    }

    /// Updates a member and returns its `QueueMemberStatus` (or another `QueueMember*` event).
    public mutating func updateMember(
        queue name: String, interface: String, event eventName: String = "QueueMemberStatus", at time: Double,
        _ change: (inout SimQueueMember) -> Void
    ) -> [AMIMessage] {
        guard var queue = queues[name], let index = queue.memberIndex(interface: interface) else { return [] }
        change(&queue.members[index])
        queues[name] = queue
        return [SimEvents.member(eventName, queue.members[index], queue: name, at: time)]
    }

    /// Adds a dynamic member (`QueueMemberAdded`); nil when the queue is unknown or it is already a member.
    public mutating func addMember(_ member: SimQueueMember, queue name: String, at time: Double) -> [AMIMessage]? {
        guard var queue = queues[name], queue.memberIndex(interface: member.interface) == nil else { return nil }
        queue.members.append(member)
        queues[name] = queue
        let pauseDevice = "Queue:\(name)_pause_\(member.interface)"
        return [
            SimEvents.deviceState(pauseDevice, member.paused ? "INUSE" : "NOT_INUSE", at: time),
            SimEvents.member("QueueMemberAdded", member, queue: name, at: time),
            SimEvents.deviceState("Queue:\(name)_avail", "NOT_INUSE", at: time),
        ]
    }

    /// Removes a dynamic member (`QueueMemberRemoved`); nil when unknown, `[]` when not dynamic.
    public mutating func removeMember(interface: String, queue name: String, at time: Double) -> [AMIMessage]? {
        guard var queue = queues[name], let index = queue.memberIndex(interface: interface) else { return nil }
        guard queue.members[index].membership == "dynamic" else { return [] }
        let member = queue.members.remove(at: index)
        queues[name] = queue
        return [SimEvents.member("QueueMemberRemoved", member, queue: name, at: time)]
    }

    /// Pauses or unpauses a member in one queue or all; nil when the interface is in none.
    public mutating func pause(interface: String, paused: Bool, reason: String, queue: String?, at time: Double) -> [AMIMessage]? {
        var events: [AMIMessage] = []
        for name in queueOrder where queue == nil || queue == name {
            guard queues[name]?.memberIndex(interface: interface) != nil else { continue }
            events.append(SimEvents.deviceState("Queue:\(name)_pause_\(interface)", paused ? "INUSE" : "NOT_INUSE", at: time))
            events += updateMember(queue: name, interface: interface, event: "QueueMemberPause", at: time) { member in
                member.paused = paused
                member.pausedReason = paused ? reason : ""
                if paused { member.lastPause = Int(time) }
            }
        }
        return events.isEmpty ? nil : events
    }
}

/// A bridge id shaped like Asterisk's UUIDs, derived from a counter.
func bridgeIdentifier(_ counter: Int) -> String {
    let hex = String(counter, radix: 16)
    return "5e1b0000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
}
