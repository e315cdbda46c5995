import CTICore
import Foundation
import GRDB

/// Interactions by the ACD's call id.
///
/// A call can have several interactions: one per connection to an agent (a caller sent back to a
/// queue and answered again keeps its call id in observer mode, where the id is app_queue's
/// Uniqueid), besides the row of a caller who gave up. So what an agent does to "the call"
/// (disposition, wrap-up, ticket links) goes to that agent's own newest interaction of it, never
/// to another agent's; ``find(callID:)`` is for whoever may see any row of the call.
extension SQLiteInteractionRepository {
    /// The latest interaction of a call (by the ACD's call id), whoever handled it, if stored.
    public func find(callID: String) async throws -> Interaction? {
        try await context.pool.read { db in
            guard let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM interactions WHERE call_id = ? ORDER BY id DESC LIMIT 1", arguments: [callID])
            else { return nil }
            return try Self.fetch(db, id: id)
        }
    }

    /// The agent's latest interaction of a call (their newest connection to it), if stored.
    public func find(callID: String, agent: String) async throws -> Interaction? {
        try await context.pool.read { db in
            guard let id = try Self.newest(db, callID: callID, agent: agent) else { return nil }
            return try Self.fetch(db, id: id)
        }
    }

    /// The agent's disposition (and optional note, appended) for a call they handled, on their
    /// newest interaction of it; `forbidden` when only other agents handled the call, `notFound`
    /// when it is not stored.
    @discardableResult
    public func setDisposition(callID: String, agent: String, disposition: String, note: String?) async throws -> Interaction {
        let value = try Self.dispositionText(disposition, note: note)
        return try await context.pool.write { db in
            let id = try Self.own(db, callID: callID, agent: agent)
            try db.execute(sql: "UPDATE interactions SET disposition = ? WHERE id = ?", arguments: [value, id])
            return try Self.fetch(db, id: id)
        }
    }

    /// Records how long the agent wrapped up after their connection to the call, on their newest
    /// interaction of it (written when the connection ends, before its wrap-up is over). Does
    /// nothing when the agent has no stored interaction of the call.
    public func setWrapUp(callID: String, agent: String, seconds: Double) async throws {
        guard seconds.isFinite, seconds >= 0 else {
            throw RepositoryError.validation(CRMValidationError(issues: [ValidationIssue(field: "wrapUpSeconds", message: "must be a non-negative number")]))
        }
        try await context.pool.write { db in
            guard let id = try Self.newest(db, callID: callID, agent: agent) else { return }
            try db.execute(sql: "UPDATE interactions SET wrap_up_seconds = ? WHERE id = ?", arguments: [seconds, id])
        }
    }

    /// Links a ticket to the agent's newest interaction of the call (and its recording), as the
    /// ticket's history records; `forbidden` when only other agents handled the call, `notFound`
    /// when it is not stored or the ticket does not exist.
    public func linkTicket(callID: String, agent: String, ticketID: Int64, by actor: String) async throws {
        let now = context.now
        try await context.pool.write { db in
            let id = try Self.own(db, callID: callID, agent: agent)
            try Self.link(db, interaction: id, ticketID: ticketID, actor: actor, at: now)
        }
    }

    /// Links a ticket to interaction `id` (and its recording), as the ticket's history records.
    /// Whether the actor may is for the caller to check.
    public func linkTicket(interactionID id: Int64, ticketID: Int64, by actor: String) async throws {
        let now = context.now
        try await context.pool.write { db in
            try Self.link(db, interaction: id, ticketID: ticketID, actor: actor, at: now)
        }
    }

    /// The id of the agent's newest interaction of the call.
    static func newest(_ db: Database, callID: String, agent: String) throws -> Int64? {
        try Int64.fetchOne(
            db, sql: "SELECT id FROM interactions WHERE call_id = ? AND agent = ? ORDER BY id DESC LIMIT 1", arguments: [callID, agent])
    }

    /// The agent's newest interaction of the call; `forbidden` when the call has only other
    /// agents' (or no agent's) interactions, `notFound` when it has none.
    static func own(_ db: Database, callID: String, agent: String) throws -> Int64 {
        if let id = try newest(db, callID: callID, agent: agent) { return id }
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM interactions WHERE call_id = ?)", arguments: [callID]) == true else {
            throw RepositoryError.notFound(entity: "call", id: callID)
        }
        throw RepositoryError.forbidden("call \(callID) was not handled by agent \(agent)")
    }

    static func link(_ db: Database, interaction id: Int64, ticketID: Int64, actor: String, at now: Date) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT recording_reference FROM interactions WHERE id = ?", arguments: [id]) else {
            throw RepositoryError.notFound(entity: "interaction", id: "\(id)")
        }
        guard try SQLiteTicketRepository.exists(db, id: ticketID) else {
            throw RepositoryError.notFound(entity: "ticket", id: "\(ticketID)")
        }
        try SQLiteTicketRepository.link(db, ticketID: ticketID, kind: .interaction, reference: "\(id)", actor: actor, at: now)
        if let recording = row["recording_reference"] as String? {
            try SQLiteTicketRepository.link(db, ticketID: ticketID, kind: .recording, reference: recording, actor: actor, at: now)
        }
    }
}
