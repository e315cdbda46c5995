import CTICore
import Foundation
import GRDB

/// Webhook messages in SQLite: due, delivered, retried with backoff, dead-lettered, requeued.
public struct SQLiteWebhookOutbox: WebhookOutbox {
    let context: StoreContext

    public func enqueue(_ eventType: WebhookEventType, body: String) async throws {
        let now = context.now
        let endpoints = context.configuration.webhooks
        try await context.pool.write { db in
            try OutboxWriter.insert(db, endpoints: endpoints, type: eventType, body: body, at: now)
        }
    }

    public func due(limit: Int) async throws -> [OutboxMessage] {
        let now = context.now
        return try await context.pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM webhook_outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
                arguments: [RowCoding.seconds(now), max(1, limit)]
            ).map(Self.message)
        }
    }

    public func get(id: Int64) async throws -> OutboxMessage {
        try await context.pool.read { db in try Self.fetch(db, id: id) }
    }

    public func markDelivered(id: Int64) async throws {
        let now = context.now
        try await context.pool.write { db in
            try db.execute(
                sql: "UPDATE webhook_outbox SET status = 'delivered', attempts = attempts + 1, delivered_at = ?, last_error = NULL WHERE id = ?",
                arguments: [RowCoding.seconds(now), id]
            )
            guard db.changesCount > 0 else { throw RepositoryError.notFound(entity: "webhook message", id: "\(id)") }
        }
    }

    public func markFailed(id: Int64, error: String) async throws -> OutboxMessage {
        let now = context.now
        let policy = context.configuration.webhookRetry
        return try await context.pool.write { db in
            let message = try Self.fetch(db, id: id)
            let attempts = message.attempts + 1
            let next = policy.nextAttempt(after: attempts, now: now)
            try db.execute(
                sql: "UPDATE webhook_outbox SET attempts = ?, status = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                arguments: [
                    attempts, next == nil ? "dead" : "pending", RowCoding.seconds(next ?? message.nextAttemptAt),
                    String(error.prefix(1_000)), id,
                ]
            )
            return try Self.fetch(db, id: id)
        }
    }

    public func deadLetters(limit: Int) async throws -> [OutboxMessage] {
        try await context.pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM webhook_outbox WHERE status = 'dead' ORDER BY id DESC LIMIT ?", arguments: [max(1, limit)]
            ).map(Self.message)
        }
    }

    public func requeue(id: Int64) async throws {
        let now = context.now
        try await context.pool.write { db in
            try db.execute(
                sql: "UPDATE webhook_outbox SET status = 'pending', attempts = 0, next_attempt_at = ? WHERE id = ? AND status = 'dead'",
                arguments: [RowCoding.seconds(now), id]
            )
            if db.changesCount == 0 {
                _ = try Self.fetch(db, id: id)
                throw RepositoryError.conflict("webhook message \(id) is not dead-lettered")
            }
        }
    }

    static func fetch(_ db: Database, id: Int64) throws -> OutboxMessage {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM webhook_outbox WHERE id = ?", arguments: [id]) else {
            throw RepositoryError.notFound(entity: "webhook message", id: "\(id)")
        }
        return message(row)
    }

    static func message(_ row: Row) -> OutboxMessage {
        OutboxMessage(
            id: row["id"], endpoint: row["endpoint"], eventType: WebhookEventType(rawValue: row["event_type"]) ?? .ticketUpdated,
            body: row["body"], status: OutboxMessage.Status(rawValue: row["status"]) ?? .pending, attempts: row["attempts"],
            nextAttemptAt: RowCoding.date(row["next_attempt_at"] as Double), lastError: row["last_error"],
            createdAt: RowCoding.date(row["created_at"] as Double), deliveredAt: RowCoding.dateOrNil(row["delivered_at"] as Double?)
        )
    }
}
