import CTICore
import Foundation
import GRDB

extension SQLiteInteractionRepository {
    /// The latest interaction of a call (by the ACD's call id), if stored.
    public func find(callID: String) async throws -> Interaction? {
        try await context.pool.read { db in
            guard let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM interactions WHERE call_id = ? ORDER BY id DESC LIMIT 1", arguments: [callID])
            else { return nil }
            return try Self.fetch(db, id: id)
        }
    }

    /// The agent's disposition (and optional note, appended) for a call they handled; refused when
    /// the call is not theirs.
    @discardableResult
    public func setDisposition(callID: String, agent: String, disposition: String, note: String?) async throws -> Interaction {
        let disposition = disposition.trimmingCharacters(in: .whitespacesAndNewlines)
        var issues: [ValidationIssue] = []
        if disposition.isEmpty || disposition.count > 100 {
            issues.append(ValidationIssue(field: "disposition", message: "must be 1 to 100 characters"))
        }
        if let note, note.count > 4_000 { issues.append(ValidationIssue(field: "note", message: "must be at most 4000 characters")) }
        guard issues.isEmpty else { throw RepositoryError.validation(CRMValidationError(issues: issues)) }
        let value = note.map { "\(disposition): \($0)" } ?? disposition
        return try await context.pool.write { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT id, agent FROM interactions WHERE call_id = ? ORDER BY id DESC LIMIT 1", arguments: [callID])
            else { throw RepositoryError.notFound(entity: "call", id: callID) }
            guard (row["agent"] as String?) == agent else { throw RepositoryError.forbidden("call \(callID) was handled by another agent") }
            let id: Int64 = row["id"]
            try db.execute(sql: "UPDATE interactions SET disposition = ? WHERE id = ?", arguments: [value, id])
            return try Self.fetch(db, id: id)
        }
    }

    /// Records how long the agent wrapped up after the call (the interaction is written when the
    /// call ends, before its wrap-up is over). Does nothing when the call is not stored or was
    /// handled by another agent.
    public func setWrapUp(callID: String, agent: String, seconds: Double) async throws {
        guard seconds.isFinite, seconds >= 0 else {
            throw RepositoryError.validation(CRMValidationError(issues: [ValidationIssue(field: "wrapUpSeconds", message: "must be a non-negative number")]))
        }
        try await context.pool.write { db in
            try db.execute(
                sql: """
                    UPDATE interactions SET wrap_up_seconds = ?
                    WHERE id = (SELECT id FROM interactions WHERE call_id = ? ORDER BY id DESC LIMIT 1) AND agent = ?
                    """,
                arguments: [seconds, callID, agent])
        }
    }

    /// Links a ticket to the call's interaction (and its recording), as the ticket's history records.
    public func linkTicket(callID: String, ticketID: Int64, by actor: String) async throws {
        let now = context.now
        try await context.pool.write { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT id, recording_reference FROM interactions WHERE call_id = ? ORDER BY id DESC LIMIT 1",
                arguments: [callID])
            else { throw RepositoryError.notFound(entity: "call", id: callID) }
            guard try SQLiteTicketRepository.exists(db, id: ticketID) else {
                throw RepositoryError.notFound(entity: "ticket", id: "\(ticketID)")
            }
            let id: Int64 = row["id"]
            try SQLiteTicketRepository.link(db, ticketID: ticketID, kind: .interaction, reference: "\(id)", actor: actor, at: now)
            if let recording = row["recording_reference"] as String? {
                try SQLiteTicketRepository.link(db, ticketID: ticketID, kind: .recording, reference: recording, actor: actor, at: now)
            }
        }
    }
}
