import CTICore
import Foundation
import GRDB

extension SQLiteRecordingIndex {
    /// Recordings with their caller's lowest survey average: one statement, the survey looked up
    /// by the caller's channel (the call id up to `~`) through the `ivr_surveys(channel_id)` index.
    public func listWithSurveys(from: Date?, to: Date?, limit: Int) async throws -> [SurveyedRecording] {
        let (clauses, arguments) = Self.liveBetween(from, to, table: "r")
        let sql = """
            SELECT r.*, (
                SELECT min(s.average_score) FROM ivr_surveys s
                WHERE s.average_score IS NOT NULL
                  AND s.channel_id = CASE WHEN instr(r.call_id, '~') > 0 THEN substr(r.call_id, 1, instr(r.call_id, '~') - 1) ELSE r.call_id END
            ) AS survey_average
            FROM recordings r WHERE \(clauses.joined(separator: " AND ")) ORDER BY r.started_at, r.id LIMIT ?
            """
        let finalArguments = arguments + [max(0, limit)]
        return try await context.pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: finalArguments).map { row in
                SurveyedRecording(entry: Self.entry(row), surveyAverage: row["survey_average"])
            }
        }
    }
}
