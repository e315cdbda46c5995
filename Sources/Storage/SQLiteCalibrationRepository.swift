import CTICore
import Foundation
import GRDB

/// Calibration sessions in SQLite.
public struct SQLiteCalibrationRepository: CalibrationRepository {
    let context: StoreContext

    public func create(_ session: CalibrationSession) async throws {
        let issues = session.problems
        guard issues.isEmpty else { throw RepositoryError.validation(CRMValidationError(issues: issues)) }
        do {
            try await context.pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO calibration_sessions (id, call_id, scorecard_id, scorecard_version, evaluators, expert, created_by,
                            created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        session.id, session.callID, session.scorecardID, session.scorecardVersion, RowCoding.json(session.evaluatorIDs),
                        session.expertID, session.createdBy, RowCoding.seconds(session.createdAt),
                    ])
            }
        } catch let error as DatabaseError where error.isUniqueViolation {
            throw RepositoryError.conflict("calibration session \(session.id) already exists")
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            throw RepositoryError.notFound(entity: "scorecard", id: "\(session.scorecardID) v\(session.scorecardVersion)")
        }
    }

    public func get(id: String) async throws -> CalibrationSession {
        try await context.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM calibration_sessions WHERE id = ?", arguments: [id]) else {
                throw RepositoryError.notFound(entity: "calibration session", id: id)
            }
            return Self.session(row)
        }
    }

    public func list() async throws -> [CalibrationSession] {
        try await context.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM calibration_sessions ORDER BY created_at DESC, id DESC").map(Self.session)
        }
    }

    static func session(_ row: Row) -> CalibrationSession {
        CalibrationSession(
            id: row["id"], callID: row["call_id"], scorecardID: row["scorecard_id"], scorecardVersion: row["scorecard_version"],
            evaluatorIDs: RowCoding.decode([String].self, row["evaluators"], fallback: []), expertID: row["expert"],
            createdBy: row["created_by"], createdAt: RowCoding.date(row["created_at"] as Double))
    }
}
