import Foundation

/// An event waiting to be (or already) delivered to one webhook endpoint.
public struct OutboxMessage: Codable, Sendable, Hashable, Identifiable {
    public enum Status: String, Codable, Sendable, Hashable {
        case pending
        case delivered
        /// Gave up after the last attempt; kept for inspection and `requeue`.
        case dead
    }

    public var id: Int64
    public var endpoint: String
    public var eventType: WebhookEventType
    /// The JSON body to POST.
    public var body: String
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?

    public init(
        id: Int64, endpoint: String, eventType: WebhookEventType, body: String, status: Status, attempts: Int,
        nextAttemptAt: Date, lastError: String?, createdAt: Date, deliveredAt: Date?
    ) {
        self.id = id
        self.endpoint = endpoint
        self.eventType = eventType
        self.body = body
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }
}
