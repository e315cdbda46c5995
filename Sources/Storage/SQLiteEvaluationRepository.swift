import CTICore
import Foundation
import GRDB

/// Evaluations in SQLite: the searchable fields as columns, answers, score, dispute and history
/// as JSON, and the timeline comments one row each.
public struct SQLiteEvaluationRepository: EvaluationRepository {
    let context: StoreContext

    public func create(_ evaluation: Evaluation) async throws {
        let now = context.now
        do {
            try await context.pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO evaluations (id, call_id, agent, evaluator, scorecard_id, scorecard_version, state, body,
                            created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        evaluation.id, evaluation.callID, evaluation.agentID, evaluation.evaluatorID, evaluation.scorecardID,
                        evaluation.scorecardVersion, evaluation.state.rawValue, Self.body(evaluation),
                        RowCoding.seconds(evaluation.createdAt), RowCoding.seconds(now),
                    ])
                try Self.writeComments(db, evaluation)
            }
        } catch let error as DatabaseError where error.isUniqueViolation {
            throw RepositoryError.conflict("evaluation \(evaluation.id) already exists")
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            throw RepositoryError.notFound(entity: "scorecard", id: "\(evaluation.scorecardID) v\(evaluation.scorecardVersion)")
        }
    }

    public func save(_ evaluation: Evaluation, expecting expected: Evaluation.State) async throws {
        let now = context.now
        try await context.pool.write { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT state, call_id, agent, evaluator, scorecard_id, scorecard_version FROM evaluations WHERE id = ?",
                arguments: [evaluation.id])
            else { throw RepositoryError.notFound(entity: "evaluation", id: evaluation.id) }
            guard (row["state"] as String) == expected.rawValue else {
                throw RepositoryError.conflict("evaluation \(evaluation.id) is \(row["state"] as String), not \(expected.rawValue)")
            }
            guard (row["call_id"] as String) == evaluation.callID, (row["agent"] as String) == evaluation.agentID,
                (row["evaluator"] as String) == evaluation.evaluatorID, (row["scorecard_id"] as String) == evaluation.scorecardID,
                (row["scorecard_version"] as Int) == evaluation.scorecardVersion
            else { throw RepositoryError.conflict("an evaluation's call, agent, evaluator and scorecard never change") }
            try db.execute(
                sql: "UPDATE evaluations SET state = ?, body = ?, updated_at = ? WHERE id = ?",
                arguments: [evaluation.state.rawValue, Self.body(evaluation), RowCoding.seconds(now), evaluation.id])
            try db.execute(sql: "DELETE FROM evaluation_comments WHERE evaluation_id = ?", arguments: [evaluation.id])
            try Self.writeComments(db, evaluation)
        }
    }

    public func get(id: String) async throws -> Evaluation {
        try await context.pool.read { db in
            guard let body = try String.fetchOne(db, sql: "SELECT body FROM evaluations WHERE id = ?", arguments: [id]) else {
                throw RepositoryError.notFound(entity: "evaluation", id: id)
            }
            return try Self.evaluation(db, body: body)
        }
    }

    public func list(_ filter: EvaluationFilter) async throws -> [Evaluation] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let agent = filter.agentID {
            clauses.append("agent = ?")
            arguments += [agent]
        }
        if let evaluator = filter.evaluatorID {
            clauses.append("evaluator = ?")
            arguments += [evaluator]
        }
        if let call = filter.callID {
            clauses.append("call_id = ?")
            arguments += [call]
        }
        if let states = filter.states {
            guard !states.isEmpty else { return [] }
            clauses.append("state IN (\(states.map { _ in "?" }.joined(separator: ", ")))")
            for state in states.map(\.rawValue).sorted() { arguments += [state] }
        }
        let sql =
            "SELECT body FROM evaluations \(clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")) ORDER BY created_at DESC, id DESC"
        let finalArguments = arguments
        return try await context.pool.read { db in
            try String.fetchAll(db, sql: sql, arguments: finalArguments).map { try Self.evaluation(db, body: $0) }
        }
    }

    private static func body(_ evaluation: Evaluation) -> String {
        var stripped = evaluation
        stripped.comments = []
        return RowCoding.json(stripped)
    }

    private static func writeComments(_ db: Database, _ evaluation: Evaluation) throws {
        for (position, comment) in evaluation.comments.enumerated() {
            try db.execute(
                sql: "INSERT INTO evaluation_comments (evaluation_id, position, offset_seconds, author, text, at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [evaluation.id, position, comment.offsetSeconds, comment.authorID, comment.text, RowCoding.seconds(comment.at)])
        }
    }

    private static func evaluation(_ db: Database, body: String) throws -> Evaluation {
        var evaluation: Evaluation
        do {
            evaluation = try JSONDecoder().decode(Evaluation.self, from: Data(body.utf8))
        } catch {
            throw RepositoryError.conflict("a stored evaluation cannot be read: \(error)")
        }
        evaluation.comments = try Row.fetchAll(
            db, sql: "SELECT * FROM evaluation_comments WHERE evaluation_id = ? ORDER BY position", arguments: [evaluation.id]
        ).map { row in
            TimedComment(
                offsetSeconds: row["offset_seconds"], authorID: row["author"], text: row["text"], at: RowCoding.date(row["at"] as Double))
        }
        return evaluation
    }
}
