import CTICore
import Foundation
import GRDB

extension SQLiteInteractionRepository {
    /// Sets the disposition (and optional note, appended) of interaction `id`. Whether the caller
    /// may is for the caller to check.
    @discardableResult
    public func setDisposition(id: Int64, disposition: String, note: String?) async throws -> Interaction {
        let value = try Self.dispositionText(disposition, note: note)
        return try await context.pool.write { db in
            try db.execute(sql: "UPDATE interactions SET disposition = ? WHERE id = ?", arguments: [value, id])
            guard db.changesCount > 0 else { throw RepositoryError.notFound(entity: "interaction", id: "\(id)") }
            return try Self.fetch(db, id: id)
        }
    }

    /// The stored text of a disposition and its optional note (`disposition: note`), the
    /// disposition trimmed; a validation error naming each bad field.
    public static func dispositionText(_ disposition: String, note: String?) throws -> String {
        let disposition = disposition.trimmingCharacters(in: .whitespacesAndNewlines)
        var check = ValidationCollector()
        check.require(!disposition.isEmpty && disposition.count <= 100, "disposition", "must be 1 to 100 characters")
        check.require((note?.count ?? 0) <= 4_000, "note", "must be at most 4000 characters")
        do { try check.finish() } catch { throw RepositoryError.validation(error) }
        return note.map { "\(disposition): \($0)" } ?? disposition
    }
}
