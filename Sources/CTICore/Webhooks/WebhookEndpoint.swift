/// An external system that receives ticket and call events.
public struct WebhookEndpoint: Sendable, Hashable {
    /// Unique name; outbox messages refer to the endpoint by name.
    public var name: String
    /// Where events are POSTed.
    public var url: String
    /// HMAC-SHA256 key for the signature header; never logged.
    public var secret: String
    /// Event types sent (`ticket.created`, …); empty means all.
    public var events: Set<WebhookEventType>

    public init(name: String, url: String, secret: String, events: Set<WebhookEventType> = []) {
        self.name = name
        self.url = url
        self.secret = secret
        self.events = events
    }

    /// Whether this endpoint wants `type`.
    public func wants(_ type: WebhookEventType) -> Bool { events.isEmpty || events.contains(type) }
}

extension WebhookEndpoint: CustomStringConvertible {
    /// Name and URL only: the secret stays out of logs.
    public var description: String { "WebhookEndpoint(\(name), \(url))" }
}

/// Events sent to webhooks.
public enum WebhookEventType: String, Codable, Sendable, Hashable, CaseIterable {
    case ticketCreated = "ticket.created"
    case ticketUpdated = "ticket.updated"
    case ticketCommented = "ticket.commented"
    case callRecorded = "call.recorded"
}
