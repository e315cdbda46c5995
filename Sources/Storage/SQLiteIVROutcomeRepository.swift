import CTICore
import Foundation
import GRDB

/// Surveys, callback requests and messages from the IVR, in SQLite.
public struct SQLiteIVROutcomeRepository: IVROutcomeRepository {
    let context: StoreContext

    public func record(survey: IVRSurveyResult) async throws -> StoredSurvey {
        let average = survey.averageScore
        let id = try await context.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO ivr_surveys (survey, flow_id, flow_version, channel_id, caller_id, answers, average_score, completed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    survey.survey, survey.flowID, survey.flowVersion, survey.channelID, survey.callerID, RowCoding.json(survey.answers),
                    average, RowCoding.seconds(survey.completedAt),
                ])
            return db.lastInsertedRowID
        }
        return StoredSurvey(id: id, result: survey, averageScore: average)
    }

    public func record(callback: IVRCallbackRequest, channelID: String) async throws -> StoredCallbackRequest {
        let id = try await context.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO ivr_callbacks (channel_id, queue, number, priority, requested_at, flow_id, path, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')
                    """,
                arguments: [
                    channelID, callback.queue, callback.number, callback.priority, RowCoding.seconds(callback.requestedAt),
                    callback.path.flowID, RowCoding.json(callback.path),
                ])
            return db.lastInsertedRowID
        }
        return StoredCallbackRequest(
            id: id, channelID: channelID, queue: callback.queue, number: callback.number, priority: callback.priority,
            requestedAt: callback.requestedAt, flowID: callback.path.flowID, status: .pending)
    }

    public func record(message: IVRMessage) async throws {
        try await context.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO ivr_messages (mailbox, recording_name, duration_seconds, caller_id, recorded_at, flow_id)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    message.mailbox, message.recordingName, message.durationSeconds, message.callerID,
                    RowCoding.seconds(message.recordedAt), message.flowID,
                ])
        }
    }

    public func surveys(maximumAverage: Double?, page: PageRequest) async throws -> Page<StoredSurvey> {
        let page = try page.checked()
        let filter = maximumAverage == nil ? "" : "WHERE average_score IS NOT NULL AND average_score <= ?"
        let arguments: StatementArguments = maximumAverage.map { [$0] } ?? []
        return try await context.pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM ivr_surveys \(filter)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM ivr_surveys \(filter) ORDER BY completed_at DESC, id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [page.limit, page.offset])
            let items = rows.map { row in
                StoredSurvey(
                    id: row["id"],
                    result: IVRSurveyResult(
                        survey: row["survey"], flowID: row["flow_id"], flowVersion: row["flow_version"], channelID: row["channel_id"],
                        callerID: row["caller_id"],
                        answers: RowCoding.decode([IVRSurveyResult.Answer].self, row["answers"], fallback: []),
                        completedAt: RowCoding.date(row["completed_at"] as Double)),
                    averageScore: row["average_score"])
            }
            return Page(items: items, total: total, limit: page.limit, offset: page.offset)
        }
    }

    public func callbacks(status: StoredCallbackRequest.Status, page: PageRequest) async throws -> Page<StoredCallbackRequest> {
        let page = try page.checked()
        return try await context.pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM ivr_callbacks WHERE status = ?", arguments: [status.rawValue]) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM ivr_callbacks WHERE status = ? ORDER BY requested_at, id LIMIT ? OFFSET ?",
                arguments: [status.rawValue, page.limit, page.offset])
            let items = rows.map { row in
                StoredCallbackRequest(
                    id: row["id"], channelID: row["channel_id"], queue: row["queue"], number: row["number"], priority: row["priority"],
                    requestedAt: RowCoding.date(row["requested_at"] as Double), flowID: row["flow_id"],
                    status: StoredCallbackRequest.Status(rawValue: row["status"] as String) ?? .pending)
            }
            return Page(items: items, total: total, limit: page.limit, offset: page.offset)
        }
    }

    public func setCallbackStatus(id: Int64, _ status: StoredCallbackRequest.Status) async throws {
        try await context.pool.write { db in
            try db.execute(sql: "UPDATE ivr_callbacks SET status = ? WHERE id = ?", arguments: [status.rawValue, id])
            if db.changesCount == 0 { throw RepositoryError.notFound(entity: "callback", id: String(id)) }
        }
    }

    public func messages(mailbox: String?, page: PageRequest) async throws -> Page<IVRMessage> {
        let page = try page.checked()
        let filter = mailbox == nil ? "" : "WHERE mailbox = ?"
        let arguments: StatementArguments = mailbox.map { [$0] } ?? []
        return try await context.pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM ivr_messages \(filter)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM ivr_messages \(filter) ORDER BY recorded_at DESC, id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [page.limit, page.offset])
            let items = rows.map { row in
                IVRMessage(
                    mailbox: row["mailbox"], recordingName: row["recording_name"], durationSeconds: row["duration_seconds"],
                    callerID: row["caller_id"], recordedAt: RowCoding.date(row["recorded_at"] as Double), flowID: row["flow_id"])
            }
            return Page(items: items, total: total, limit: page.limit, offset: page.offset)
        }
    }
}
