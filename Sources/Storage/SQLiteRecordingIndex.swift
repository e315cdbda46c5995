import CTICore
import Foundation
import GRDB

/// The recordings index in SQLite; deletions are audited in the same transaction.
public struct SQLiteRecordingIndex: RecordingIndex {
    let context: StoreContext

    public func add(_ entry: RecordingEntry) async throws {
        let issues = entry.problems
        guard issues.isEmpty else { throw RepositoryError.validation(CRMValidationError(issues: issues)) }
        do {
            try await context.pool.write { db in
                try db.cachedStatement(
                    sql: """
                        INSERT INTO recordings (id, call_id, agent, queue, customer_id, caller_number, started_at, duration_seconds,
                            format, location, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(
                    arguments: [
                        entry.id, entry.callID, entry.agentID, entry.queue, entry.customerID, entry.callerNumber,
                        RowCoding.seconds(entry.startedAt), entry.durationSeconds, entry.format, entry.location,
                        RowCoding.secondsOrNil(entry.deletedAt),
                    ])
            }
        } catch let error as DatabaseError where error.isUniqueViolation {
            throw RepositoryError.conflict("recording \(entry.id) is already indexed")
        }
    }

    public func get(id: String) async throws -> RecordingEntry {
        try await context.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM recordings WHERE id = ?", arguments: [id]) else {
                throw RepositoryError.notFound(entity: "recording", id: id)
            }
            return Self.entry(row)
        }
    }

    public func find(callID: String) async throws -> RecordingEntry? {
        try await context.pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM recordings WHERE call_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1", arguments: [callID]
            ).map(Self.entry)
        }
    }

    public func list(from: Date?, to: Date?, agentID: String?, limit: Int) async throws -> [RecordingEntry] {
        var (clauses, arguments) = Self.liveBetween(from, to)
        if let agentID {
            clauses.append("agent = ?")
            arguments += [agentID]
        }
        let sql = "SELECT * FROM recordings WHERE \(clauses.joined(separator: " AND ")) ORDER BY started_at, id LIMIT ?"
        let finalArguments = arguments + [max(0, limit)]
        return try await context.pool.read { db in try Row.fetchAll(db, sql: sql, arguments: finalArguments).map(Self.entry) }
    }

    /// The filter of recordings not deleted and started in `[from, to)`, columns qualified by `table`.
    static func liveBetween(_ from: Date?, _ to: Date?, table: String = "") -> (clauses: [String], arguments: StatementArguments) {
        let column = table.isEmpty ? "" : table + "."
        var clauses = ["\(column)deleted_at IS NULL"]
        var arguments: StatementArguments = []
        if let from {
            clauses.append("\(column)started_at >= ?")
            arguments += [RowCoding.seconds(from)]
        }
        if let to {
            clauses.append("\(column)started_at < ?")
            arguments += [RowCoding.seconds(to)]
        }
        return (clauses, arguments)
    }

    public func markDeleted(id: String, by actor: String, reason: String) async throws {
        let now = context.now
        try await context.pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM recordings WHERE id = ?", arguments: [id]) else {
                throw RepositoryError.notFound(entity: "recording", id: id)
            }
            let entry = Self.entry(row)
            guard entry.deletedAt == nil else { throw RepositoryError.conflict("recording \(id) is already deleted") }
            try db.execute(sql: "UPDATE recordings SET deleted_at = ? WHERE id = ?", arguments: [RowCoding.seconds(now), id])
            try AuditWriter.insert(
                db, at: now, actor: actor, action: "recording.delete", entityType: "recording", entityID: id,
                changes: [
                    FieldChange(field: "location", oldValue: entry.location, newValue: nil),
                    FieldChange(field: "reason", oldValue: nil, newValue: reason),
                ])
        }
    }

    static func entry(_ row: Row) -> RecordingEntry {
        RecordingEntry(
            id: row["id"], callID: row["call_id"], agentID: row["agent"], queue: row["queue"], customerID: row["customer_id"],
            callerNumber: row["caller_number"], startedAt: RowCoding.date(row["started_at"] as Double),
            durationSeconds: row["duration_seconds"], format: row["format"], location: row["location"],
            deletedAt: RowCoding.dateOrNil(row["deleted_at"] as Double?))
    }
}
