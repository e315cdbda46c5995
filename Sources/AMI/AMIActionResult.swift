/// The outcome of an event-list action: the opening response, the items, and the closing event.
public struct AMIEventList: Sendable, Hashable {
    /// `Response: Success` with `EventList: start`.
    public var response: AMIMessage
    /// The item events in order (e.g. `CoreShowChannel`, `QueueMember`).
    public var items: [AMIMessage]
    /// The `…Complete` event, when the server sent one.
    public var complete: AMIMessage?

    /// A list result.
    public init(response: AMIMessage, items: [AMIMessage], complete: AMIMessage?) {
        self.response = response
        self.items = items
        self.complete = complete
    }

    /// Items whose `Event` is `name`.
    public func items(named name: String) -> [AMIMessage] { items.filter { $0.isEvent(named: name) } }
}

/// What an action completed with, before it is shaped for the caller.
public enum AMIActionResult: Sendable, Hashable {
    /// One response.
    case response(AMIMessage)
    /// An event list.
    case eventList(AMIEventList)
    /// An async Originate: the queued response and the `OriginateResponse` event.
    case originate(response: AMIMessage, outcome: AMIMessage)
}

/// The outcome of an async `Originate`, from its `OriginateResponse` event.
public struct AMIOriginateResult: Sendable, Hashable {
    /// Why the call ended up as it did (the `Reason` code of `OriginateResponse`).
    public enum Reason: Int, Sendable, Hashable {
        case failed = 0, hangup = 1, ringing = 3, answered = 4, busy = 5, congestion = 8
    }

    /// Whether the call was placed (`Response: Success`).
    public var succeeded: Bool
    /// The `Reason` code, when known.
    public var reason: Reason?
    /// The raw reason number.
    public var reasonCode: Int?
    /// The channel name.
    public var channel: String?
    /// The uniqueid of the originated channel.
    public var uniqueID: String?
    /// The whole event.
    public var event: AMIMessage

    /// Reads an `OriginateResponse` event.
    public init(event: AMIMessage) {
        self.event = event
        self.succeeded = event.response?.lowercased() == "success"
        self.reasonCode = event["Reason"].flatMap { Int($0) }
        self.reason = reasonCode.flatMap(Reason.init(rawValue:))
        self.channel = event["Channel"]
        self.uniqueID = event["Uniqueid"]
    }
}
