/// A request to Asterisk: `Action: Name` plus its headers. The client adds the `ActionID`.
public struct AMIAction: Sendable, Hashable {
    /// What the client waits for after sending it.
    public enum Kind: Sendable, Hashable {
        /// One response.
        case single
        /// A response, then item events up to the one with `EventList: Complete`.
        case eventList
        /// `Originate` with `Async: true`: the response, then the `OriginateResponse` event.
        case asyncOriginate
    }

    /// Asterisk reads at most this many bytes per line (`inbuf[1025]`).
    public static let maxLineBytes = 1024
    /// Asterisk reads at most this many lines per message.
    public static let maxLines = 128

    /// The action name, e.g. `QueueStatus`.
    public var name: String
    /// Headers after `Action:` (no `ActionID`; the client sets it).
    public var headers: [AMIHeader]
    /// What completes the action.
    public var kind: Kind

    /// An action with headers in order.
    public init(_ name: String, kind: Kind = .single, _ headers: KeyValuePairs<String, String> = [:]) {
        self.name = name
        self.kind = kind
        self.headers = headers.map { AMIHeader(name: $0.key, value: $0.value) }
    }

    /// An action with headers in order.
    public init(name: String, kind: Kind = .single, headers: [AMIHeader]) {
        self.name = name
        self.kind = kind
        self.headers = headers
    }

    /// Adds a header.
    public mutating func add(_ name: String, _ value: String) {
        headers.append(AMIHeader(name: name, value: value))
    }

    /// The message to write, with `actionID`; throws ``AMIError/Code/invalidAction`` when Asterisk
    /// could not read it (CR/LF in a value, a colon in a name, a line over 1024 bytes, over 128 lines).
    public func message(actionID: String) throws(AMIError) -> AMIMessage {
        var message = AMIMessage()
        message.append("Action", name)
        message.append("ActionID", actionID)
        for header in headers { message.append(header.name, header.value) }
        try Self.validate(message)
        return message
    }

    static func validate(_ message: AMIMessage) throws(AMIError) {
        guard message.count <= maxLines else {
            throw AMIError(.invalidAction, "\(message.count) lines; Asterisk reads at most \(maxLines)")
        }
        var problem: String?
        message.forEachHeader { name, value in
            guard problem == nil else { return }
            let label = String(decoding: name, as: UTF8.self)
            if name.isEmpty || name.contains(UInt8(ascii: ":")) || name.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }) {
                problem = "header name \(label.debugDescription) is empty or has ':', a space or a line break"
            } else if value.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
                problem = "value of \(label) contains a line break"
            } else if name.count + 2 + value.count > maxLineBytes {
                problem = "line \(label) is \(name.count + 2 + value.count) bytes; Asterisk reads at most \(maxLineBytes)"
            }
        }
        if let problem { throw AMIError(.invalidAction, problem) }
    }
}

extension AMIAction {
    /// `Ping`: answered with `Ping: Pong`.
    public static var ping: AMIAction { AMIAction("Ping") }

    /// `Command`: runs a CLI command; the output comes back as `Output:` lines.
    public static func command(_ command: String) -> AMIAction { AMIAction("Command", ["Command": command]) }

    /// `CoreShowChannels`: every active channel.
    public static var coreShowChannels: AMIAction { AMIAction("CoreShowChannels", kind: .eventList) }

    /// `Status`: channel status items.
    public static var status: AMIAction { AMIAction("Status", kind: .eventList) }

    /// `QueueStatus`: queue parameters, members and waiting callers, optionally for one queue.
    public static func queueStatus(queue: String? = nil) -> AMIAction {
        var action = AMIAction("QueueStatus", kind: .eventList)
        if let queue { action.add("Queue", queue) }
        return action
    }

    /// `QueueSummary`: per-queue counts, optionally for one queue.
    public static func queueSummary(queue: String? = nil) -> AMIAction {
        var action = AMIAction("QueueSummary", kind: .eventList)
        if let queue { action.add("Queue", queue) }
        return action
    }

    /// `QueueAdd`: adds a dynamic member.
    public static func queueAdd(
        queue: String, interface: String, memberName: String? = nil, stateInterface: String? = nil,
        penalty: Int = 0, paused: Bool = false, reason: String? = nil
    ) -> AMIAction {
        var action = AMIAction("QueueAdd", ["Queue": queue, "Interface": interface, "Penalty": String(penalty), "Paused": paused ? "true" : "false"])
        if let memberName { action.add("MemberName", memberName) }
        if let stateInterface { action.add("StateInterface", stateInterface) }
        if let reason { action.add("Reason", reason) }
        return action
    }

    /// `QueueRemove`: removes a dynamic member.
    public static func queueRemove(queue: String, interface: String) -> AMIAction {
        AMIAction("QueueRemove", ["Queue": queue, "Interface": interface])
    }

    /// `QueuePause`: pauses or unpauses a member in one queue, or in all queues when `queue` is nil.
    public static func queuePause(interface: String, paused: Bool, queue: String? = nil, reason: String? = nil) -> AMIAction {
        var action = AMIAction("QueuePause", ["Interface": interface, "Paused": paused ? "true" : "false"])
        if let queue { action.add("Queue", queue) }
        if let reason { action.add("Reason", reason) }
        return action
    }

    /// `Hangup`: by channel name or by uniqueid.
    public static func hangup(channel: String, cause: Int? = nil) -> AMIAction {
        var action = AMIAction("Hangup", ["Channel": channel])
        if let cause { action.add("Cause", String(cause)) }
        return action
    }

    /// `Getvar`: a channel variable or function, or a global without `channel`.
    public static func getvar(_ variable: String, channel: String? = nil) -> AMIAction {
        var action = AMIAction("Getvar", ["Variable": variable])
        if let channel { action.add("Channel", channel) }
        return action
    }

    /// `Setvar`.
    public static func setvar(_ variable: String, value: String, channel: String? = nil) -> AMIAction {
        var action = AMIAction("Setvar", ["Variable": variable, "Value": value])
        if let channel { action.add("Channel", channel) }
        return action
    }

    /// `Logoff`: answered with `Response: Goodbye`.
    public static var logoff: AMIAction { AMIAction("Logoff") }
}
