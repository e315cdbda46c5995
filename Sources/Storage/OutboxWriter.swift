import CTICore
import Foundation
import GRDB

/// The JSON document POSTed to a webhook.
struct WebhookEnvelope<Payload: Encodable>: Encodable {
    var event: String
    var occurredAt: Date
    var data: Payload
}

/// Queues webhook messages inside the caller's transaction (transactional outbox): an event is
/// queued if and only if its change committed.
enum OutboxWriter {
    static func enqueue(_ db: Database, endpoints: [WebhookEndpoint], type: WebhookEventType, payload: some Encodable, at: Date) throws {
        let wanting = endpoints.filter { $0.wants(type) }
        guard !wanting.isEmpty else { return }
        let body = RowCoding.eventJSON(WebhookEnvelope(event: type.rawValue, occurredAt: at, data: payload))
        try insert(db, endpoints: wanting, type: type, body: body, at: at)
    }

    static func insert(_ db: Database, endpoints: [WebhookEndpoint], type: WebhookEventType, body: String, at: Date) throws {
        for endpoint in endpoints where endpoint.wants(type) {
            try db.execute(
                sql: """
                    INSERT INTO webhook_outbox (endpoint, event_type, body, status, attempts, next_attempt_at, created_at)
                    VALUES (?, ?, ?, 'pending', 0, ?, ?)
                    """,
                arguments: [endpoint.name, type.rawValue, body, RowCoding.seconds(at), RowCoding.seconds(at)]
            )
        }
    }
}
