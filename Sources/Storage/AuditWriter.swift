import CTICore
import Foundation
import GRDB

/// Appends audit entries inside the caller's transaction, so a change and its audit commit together.
enum AuditWriter {
    static func insert(
        _ db: Database, at: Date, actor: String, action: String, entityType: String, entityID: String, changes: [FieldChange]
    ) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor, action, entity_type, entity_id, changes) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [RowCoding.seconds(at), actor, action, entityType, entityID, RowCoding.json(changes)]
        )
    }
}
