/// An asynchronous `Originate` (always `Async: true`, with a preset channel id).
public struct AMIOriginate: Sendable, Hashable {
    /// Where the new channel goes once answered.
    public enum Destination: Sendable, Hashable {
        /// A dialplan location.
        case extensionTarget(context: String, exten: String, priority: Int)
        /// An application and its data.
        case application(name: String, data: String)
    }

    /// The channel to call, e.g. `PJSIP/1001`.
    public var channel: String
    /// Where it goes after answer.
    public var destination: Destination
    /// Ring time before giving up.
    public var timeout: Duration = .seconds(30)
    /// Caller ID shown, e.g. `"Queue" <5000>`.
    public var callerID: String?
    /// Channel variables, sent one per `Variable:` header (values may contain commas).
    public var variables: [(name: String, value: String)] = []
    /// Preset uniqueid of the new channel (at most 149 characters).
    public var channelID: String?
    /// Preset uniqueid of the second half of a Local channel.
    public var otherChannelID: String?
    /// Account code.
    public var account: String?

    /// An originate of `channel` to `destination`.
    public init(channel: String, destination: Destination) {
        self.channel = channel
        self.destination = destination
    }

    public static func == (lhs: AMIOriginate, rhs: AMIOriginate) -> Bool {
        lhs.action.headers == rhs.action.headers
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(action.headers) }

    /// The `Originate` action.
    public var action: AMIAction {
        var action = AMIAction("Originate", kind: .asyncOriginate, ["Channel": channel])
        switch destination {
        case .extensionTarget(let context, let exten, let priority):
            action.add("Context", context)
            action.add("Exten", exten)
            action.add("Priority", String(priority))
        case .application(let name, let data):
            action.add("Application", name)
            action.add("Data", data)
        }
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        action.add("Timeout", String(milliseconds))
        if let callerID { action.add("CallerID", callerID) }
        if let account { action.add("Account", account) }
        if let channelID { action.add("ChannelId", channelID) }
        if let otherChannelID { action.add("OtherChannelId", otherChannelID) }
        for variable in variables { action.add("Variable", "\(variable.name)=\(variable.value)") }
        action.add("Async", "true")
        return action
    }
}
