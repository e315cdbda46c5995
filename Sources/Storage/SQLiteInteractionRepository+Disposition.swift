import CTICore
import Foundation
import GRDB

extension SQLiteInteractionRepository {
    /// Sets the disposition (and optional note, appended) of interaction `id`. Whether the caller
    /// may is for the caller to check.
    @discardableResult
    public func setDisposition(id: Int64, disposition: String, note: String?) async throws -> Interaction {
        let disposition = disposition.trimmingCharacters(in: .whitespacesAndNewlines)
        var check = ValidationCollector()
        check.require(!disposition.isEmpty && disposition.count <= 100, "disposition", "must be 1 to 100 characters")
        check.require((note?.count ?? 0) <= 4_000, "note", "must be at most 4000 characters")
        do { try check.finish() } catch { throw RepositoryError.validation(error) }
        let value = note.map { "\(disposition): \($0)" } ?? disposition
        return try await context.pool.write { db in
            try db.execute(sql: "UPDATE interactions SET disposition = ? WHERE id = ?", arguments: [value, id])
            guard db.changesCount > 0 else { throw RepositoryError.notFound(entity: "interaction", id: "\(id)") }
            return try Self.fetch(db, id: id)
        }
    }
}
