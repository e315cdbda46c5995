import CTICore
import Foundation
import GRDB

/// The audit log in SQLite. Repositories write their own entries in the same transaction as the
/// change; `record` is for changes made elsewhere (IVR flow publishing).
public struct SQLiteAuditLog: AuditLog {
    let context: StoreContext

    public func record(actor: String, action: String, entityType: String, entityID: String, changes: [FieldChange]) async throws {
        let now = context.now
        try await context.pool.write { db in
            try AuditWriter.insert(db, at: now, actor: actor, action: action, entityType: entityType, entityID: entityID, changes: changes)
        }
    }

    public func entries(_ query: AuditQuery) async throws -> Page<AuditEntry> {
        let page = try query.page.checked()
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let entityType = query.entityType {
            clauses.append("entity_type = ?")
            arguments += [entityType]
        }
        if let entityID = query.entityID {
            clauses.append("entity_id = ?")
            arguments += [entityID]
        }
        if let actor = query.actor {
            clauses.append("actor = ?")
            arguments += [actor]
        }
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let finalArguments = arguments
        return try await context.pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log \(filter)", arguments: finalArguments) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM audit_log \(filter) ORDER BY id DESC LIMIT ? OFFSET ?",
                arguments: finalArguments + [page.limit, page.offset]
            )
            let items = rows.map { row in
                AuditEntry(
                    id: row["id"], at: RowCoding.date(row["at"] as Double), actor: row["actor"], action: row["action"],
                    entityType: row["entity_type"], entityID: row["entity_id"],
                    changes: RowCoding.decode([FieldChange].self, row["changes"], fallback: [])
                )
            }
            return Page(items: items, total: total, limit: page.limit, offset: page.offset)
        }
    }
}
