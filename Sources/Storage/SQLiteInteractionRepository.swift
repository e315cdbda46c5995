import CTICore
import Foundation
import GRDB

/// Calls in SQLite, linked to customers and tickets; queues a `call.recorded` webhook in the same transaction.
public struct SQLiteInteractionRepository: InteractionRepository {
    let context: StoreContext

    public func record(_ draft: InteractionDraft) async throws -> Interaction {
        do { try draft.validate() } catch { throw RepositoryError.validation(error) }
        let normalizer = context.normalizer
        let from = normalizer.normalizedOrNil(draft.fromNumber) ?? draft.fromNumber
        let to = normalizer.normalizedOrNil(draft.toNumber) ?? draft.toNumber
        let remote = draft.direction == .outbound ? to : from
        let now = context.now
        let endpoints = context.configuration.webhooks
        return try await context.pool.write { db in
            var customerID = draft.customerID
            if let given = customerID {
                guard try SQLiteCustomerRepository.exists(db, id: given) else {
                    throw RepositoryError.validation(
                        CRMValidationError(issues: [ValidationIssue(field: "customerID", message: "no customer \(given)")])
                    )
                }
            } else {
                customerID = try SQLiteCustomerRepository.newestID(db, number: remote)
            }
            var missing: [ValidationIssue] = []
            for (index, ticketID) in draft.ticketIDs.enumerated() where try !SQLiteTicketRepository.exists(db, id: ticketID) {
                missing.append(ValidationIssue(field: "ticketIDs[\(index)]", message: "no ticket \(ticketID)"))
            }
            if !missing.isEmpty { throw RepositoryError.validation(CRMValidationError(issues: missing)) }
            try db.cachedStatement(
                sql: """
                    INSERT INTO interactions (call_id, direction, from_number, to_number, queue, agent, ivr_path, started_at,
                        wait_seconds, talk_seconds, wrap_up_seconds, disposition, recording_reference, customer_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(
                arguments: [
                    draft.callID, draft.direction.rawValue, from, to, draft.queue, draft.agent, RowCoding.json(draft.ivrPath),
                    RowCoding.seconds(draft.startedAt), draft.waitSeconds, draft.talkSeconds, draft.wrapUpSeconds,
                    draft.disposition, draft.recordingReference, customerID,
                ]
            )
            let id = db.lastInsertedRowID
            for ticketID in Set(draft.ticketIDs) {
                try SQLiteTicketRepository.link(db, ticketID: ticketID, kind: .interaction, reference: "\(id)", actor: draft.agent ?? "system", at: now)
                if let recording = draft.recordingReference {
                    try SQLiteTicketRepository.link(db, ticketID: ticketID, kind: .recording, reference: recording, actor: draft.agent ?? "system", at: now)
                }
            }
            let interaction = try Self.fetch(db, id: id)
            try OutboxWriter.enqueue(db, endpoints: endpoints, type: .callRecorded, payload: interaction, at: now)
            return interaction
        }
    }

    public func get(id: Int64) async throws -> Interaction {
        try await context.pool.read { db in try Self.fetch(db, id: id) }
    }

    public func timeline(customerID: Int64, page: PageRequest) async throws -> Page<Interaction> {
        let page = try page.checked()
        return try await context.pool.read { db in
            guard try SQLiteCustomerRepository.exists(db, id: customerID) else {
                throw RepositoryError.notFound(entity: "customer", id: "\(customerID)")
            }
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM interactions WHERE customer_id = ?", arguments: [customerID]) ?? 0
            let ids = try Int64.fetchAll(
                db,
                sql: "SELECT id FROM interactions WHERE customer_id = ? ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?",
                arguments: [customerID, page.limit, page.offset]
            )
            return Page(items: try ids.map { try Self.fetch(db, id: $0) }, total: total, limit: page.limit, offset: page.offset)
        }
    }

    static func fetch(_ db: Database, id: Int64) throws -> Interaction {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM interactions WHERE id = ?"), arguments: [id]) else {
            throw RepositoryError.notFound(entity: "interaction", id: "\(id)")
        }
        let ticketIDs = try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT ticket_id FROM ticket_links WHERE kind = 'interaction' AND reference = ? ORDER BY ticket_id"),
            arguments: ["\(id)"]
        )
        return interaction(row, ticketIDs: ticketIDs)
    }

    /// An interaction from its row.
    static func interaction(_ row: Row, ticketIDs: [Int64]) -> Interaction {
        Interaction(
            id: row["id"], callID: row["call_id"], direction: CallDirection(rawValue: row["direction"]) ?? .inbound,
            fromNumber: row["from_number"], toNumber: row["to_number"], queue: row["queue"], agent: row["agent"],
            ivrPath: RowCoding.decode([String].self, row["ivr_path"], fallback: []),
            startedAt: RowCoding.date(row["started_at"] as Double), waitSeconds: row["wait_seconds"],
            talkSeconds: row["talk_seconds"], wrapUpSeconds: row["wrap_up_seconds"], disposition: row["disposition"],
            recordingReference: row["recording_reference"], customerID: row["customer_id"], ticketIDs: ticketIDs
        )
    }
}
