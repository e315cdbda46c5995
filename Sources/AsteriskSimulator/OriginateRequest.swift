/// An `Originate` as the simulator reads it from the action.
public struct OriginateRequest: Sendable {
    /// The channel to dial, e.g. `Local/s@customer/n` or `PJSIP/1001`.
    public var channel: String
    /// Dialplan destination, when no application is given.
    public var context: String?
    /// Extension of the destination.
    public var exten: String?
    /// Priority of the destination.
    public var priority: Int?
    /// Application to run instead of a dialplan destination.
    public var application: String?
    /// Its data.
    public var data: String?
    /// Caller ID, `"Name" <number>` or a bare number.
    public var callerID: String?
    /// Channel variables, one per `Variable:` header, in order.
    public var variables: [(name: String, value: String)] = []
    /// Preset Uniqueid of the channel.
    public var channelID: String?
    /// Preset Uniqueid of the other half of a Local channel.
    public var otherChannelID: String?
    /// ActionID echoed in `OriginateResponse`.
    public var actionID: String?

    /// A request to dial `channel`.
    public init(channel: String) {
        self.channel = channel
    }

    /// The caller ID split like `ast_callerid_parse`: `"Name" <number>`, `Name <number>`, or a bare number.
    var parsedCallerID: (number: String, name: String) {
        guard let text = callerID?.trimmingBlanks(), !text.isEmpty else { return ("", "") }
        guard let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else {
            let isNumber = text.allSatisfy { $0.isNumber || $0 == "+" || $0 == "*" || $0 == "#" }
            return isNumber ? (text, "") : ("", text)
        }
        let number = String(text[text.index(after: open)..<close])
        var name = String(text[..<open]).trimmingBlanks()
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        return (number, name)
    }
}

/// What became of an Originate.
public enum OriginateOutcome: Sendable, Hashable {
    /// The channel was created and answered; it is now at its destination.
    case answered(channel: String, uniqueID: String)
    /// It failed, with this `Reason`.
    case failed(OriginateFailure)
}
