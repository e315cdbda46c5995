import CTICore
import Foundation
import GRDB

/// Scorecard versions in SQLite: publishing adds the next version; stored versions never change.
public struct SQLiteScorecardRepository: ScorecardRepository {
    let context: StoreContext

    public func publish(_ scorecard: Scorecard, by actor: String) async throws -> Scorecard {
        var draft = scorecard
        draft.version = 1
        let problems = ScorecardValidator.problems(in: draft)
        guard problems.isEmpty else {
            throw RepositoryError.validation(
                CRMValidationError(issues: problems.map { ValidationIssue(field: $0.field, message: $0.message) }))
        }
        let now = context.now
        let draftCard = draft
        return try await context.pool.write { db in
            let latest = try Int.fetchOne(db, sql: "SELECT max(version) FROM scorecards WHERE id = ?", arguments: [draftCard.id]) ?? 0
            var published = draftCard
            published.version = latest + 1
            try db.execute(
                sql: "INSERT INTO scorecards (id, version, name, body, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [published.id, published.version, published.name, RowCoding.json(published), actor, RowCoding.seconds(now)])
            try AuditWriter.insert(
                db, at: now, actor: actor, action: "scorecard.publish", entityType: "scorecard", entityID: published.id,
                changes: [FieldChange(field: "version", oldValue: latest == 0 ? nil : "\(latest)", newValue: "\(published.version)")])
            return published
        }
    }

    public func latest(id: String) async throws -> Scorecard {
        try await context.pool.read { db in
            guard let body = try String.fetchOne(
                db, sql: "SELECT body FROM scorecards WHERE id = ? ORDER BY version DESC LIMIT 1", arguments: [id])
            else { throw RepositoryError.notFound(entity: "scorecard", id: id) }
            return try Self.decode(body)
        }
    }

    public func get(id: String, version: Int) async throws -> Scorecard {
        try await context.pool.read { db in
            guard let body = try String.fetchOne(
                db, sql: "SELECT body FROM scorecards WHERE id = ? AND version = ?", arguments: [id, version])
            else { throw RepositoryError.notFound(entity: "scorecard", id: "\(id) v\(version)") }
            return try Self.decode(body)
        }
    }

    public func list() async throws -> [Scorecard] {
        try await context.pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT s.body FROM scorecards s
                    WHERE s.version = (SELECT max(version) FROM scorecards t WHERE t.id = s.id)
                    ORDER BY s.name COLLATE NOCASE, s.id
                    """
            ).map(Self.decode)
        }
    }

    public func versions(id: String) async throws -> [Scorecard] {
        let all = try await context.pool.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM scorecards WHERE id = ? ORDER BY version", arguments: [id]).map(Self.decode)
        }
        guard !all.isEmpty else { throw RepositoryError.notFound(entity: "scorecard", id: id) }
        return all
    }

    static func decode(_ body: String) throws -> Scorecard {
        do {
            return try JSONDecoder().decode(Scorecard.self, from: Data(body.utf8))
        } catch {
            throw RepositoryError.conflict("a stored scorecard cannot be read: \(error)")
        }
    }
}
