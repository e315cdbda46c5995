import CTICore
import Foundation
import GRDB

/// Tickets in SQLite. Every change writes history, an audit entry and webhook outbox rows in the
/// same transaction as the change itself.
public struct SQLiteTicketRepository: TicketRepository {
    let context: StoreContext

    public func create(_ draft: TicketDraft, by actor: String) async throws -> Ticket {
        let clean: TicketDraft
        do { clean = try draft.validated() } catch { throw RepositoryError.validation(error) }
        let now = context.now
        let dueAt = context.configuration.sla.dueAt(openedAt: now, priority: clean.priority)
        let endpoints = context.configuration.webhooks
        return try await context.pool.write { db in
            if let customerID = clean.customerID, try !SQLiteCustomerRepository.exists(db, id: customerID) {
                throw RepositoryError.validation(
                    CRMValidationError(issues: [ValidationIssue(field: "customerID", message: "no customer \(customerID)")])
                )
            }
            let number = (try Int64.fetchOne(db, sql: "SELECT max(number) FROM tickets") ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO tickets (number, subject, description, priority, category, status, assignee_kind,
                        assignee_name, customer_id, created_by, created_at, updated_at, due_at)
                    VALUES (?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    number, clean.subject, clean.description, clean.priority.rawValue, clean.category,
                    clean.assignee?.kind.rawValue, clean.assignee?.name, clean.customerID, actor, RowCoding.seconds(now),
                    RowCoding.seconds(now), RowCoding.seconds(dueAt),
                ]
            )
            let id = db.lastInsertedRowID
            try Self.history(db, ticketID: id, actor: actor, at: now, field: "created", old: nil, new: "T-\(number)")
            let ticket = try Self.fetch(db, id: id, now: now)
            try AuditWriter.insert(
                db, at: now, actor: actor, action: "ticket.create", entityType: "ticket", entityID: "\(id)",
                changes: [
                    FieldChange(field: "subject", oldValue: nil, newValue: clean.subject),
                    FieldChange(field: "priority", oldValue: nil, newValue: clean.priority.rawValue),
                    FieldChange(field: "assignee", oldValue: nil, newValue: clean.assignee?.label),
                ]
            )
            try OutboxWriter.enqueue(db, endpoints: endpoints, type: .ticketCreated, payload: ticket, at: now)
            return ticket
        }
    }

    public func get(id: Int64) async throws -> Ticket {
        let now = context.now
        return try await context.pool.read { db in try Self.fetch(db, id: id, now: now) }
    }

    public func update(id: Int64, _ update: TicketUpdate, by actor: String) async throws -> Ticket {
        do { try update.validate() } catch { throw RepositoryError.validation(error) }
        let now = context.now
        let sla = context.configuration.sla
        let endpoints = context.configuration.webhooks
        return try await context.pool.write { db in
            let old = try Self.fetch(db, id: id, now: now)
            var new = old
            if let status = update.status, status != old.status {
                guard old.status.canTransition(to: status) else {
                    throw RepositoryError.invalidTransition(TicketTransitionError(from: old.status, to: status))
                }
                new.status = status
                switch status {
                case .resolved: new.resolvedAt = now
                case .closed: new.closedAt = now
                case .open, .pending, .new: new.resolvedAt = nil
                }
            }
            if let subject = update.subject { new.subject = subject.trimmingCharacters(in: .whitespaces) }
            if let description = update.description { new.description = description }
            if let category = update.category {
                let trimmed = category.trimmingCharacters(in: .whitespaces)
                new.category = trimmed.isEmpty ? nil : trimmed
            }
            if let priority = update.priority, priority != old.priority {
                new.priority = priority
                new.dueAt = sla.dueAt(openedAt: old.createdAt, priority: priority)
            }
            if let assignee = update.assignee { new.assignee = assignee }
            if update.clearAssignee == true { new.assignee = nil }
            if let customerID = update.customerID, customerID != old.customerID {
                guard try SQLiteCustomerRepository.exists(db, id: customerID) else {
                    throw RepositoryError.validation(
                        CRMValidationError(issues: [ValidationIssue(field: "customerID", message: "no customer \(customerID)")])
                    )
                }
                new.customerID = customerID
            }
            let changes = Self.diff(old, new)
            guard !changes.isEmpty else { return old }
            try db.execute(
                sql: """
                    UPDATE tickets SET subject = ?, description = ?, priority = ?, category = ?, status = ?,
                        assignee_kind = ?, assignee_name = ?, customer_id = ?, updated_at = ?, due_at = ?,
                        resolved_at = ?, closed_at = ? WHERE id = ?
                    """,
                arguments: [
                    new.subject, new.description, new.priority.rawValue, new.category, new.status.rawValue,
                    new.assignee?.kind.rawValue, new.assignee?.name, new.customerID, RowCoding.seconds(now),
                    RowCoding.seconds(new.dueAt), RowCoding.secondsOrNil(new.resolvedAt), RowCoding.secondsOrNil(new.closedAt), id,
                ]
            )
            for change in changes {
                try Self.history(db, ticketID: id, actor: actor, at: now, field: change.field, old: change.oldValue, new: change.newValue)
            }
            try AuditWriter.insert(
                db, at: now, actor: actor, action: "ticket.update", entityType: "ticket", entityID: "\(id)", changes: changes
            )
            let ticket = try Self.fetch(db, id: id, now: now)
            try OutboxWriter.enqueue(db, endpoints: endpoints, type: .ticketUpdated, payload: ticket, at: now)
            return ticket
        }
    }

    public func addComment(ticketID: Int64, body: String, isInternal: Bool, by actor: String) async throws -> TicketComment {
        var check = ValidationCollector()
        check.checkLength(body.trimmingCharacters(in: .whitespacesAndNewlines), "body", 1...20_000)
        do { try check.finish() } catch { throw RepositoryError.validation(error) }
        let now = context.now
        let endpoints = context.configuration.webhooks
        return try await context.pool.write { db in
            guard try Self.exists(db, id: ticketID) else { throw RepositoryError.notFound(entity: "ticket", id: "\(ticketID)") }
            try db.execute(
                sql: "INSERT INTO ticket_comments (ticket_id, author, body, is_internal, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [ticketID, actor, body, isInternal, RowCoding.seconds(now)]
            )
            let comment = TicketComment(
                id: db.lastInsertedRowID, ticketID: ticketID, author: actor, body: body, isInternal: isInternal, createdAt: now
            )
            try Self.history(db, ticketID: ticketID, actor: actor, at: now, field: "comment", old: nil, new: "\(comment.id)")
            try db.execute(sql: "UPDATE tickets SET updated_at = ? WHERE id = ?", arguments: [RowCoding.seconds(now), ticketID])
            if !isInternal {
                try OutboxWriter.enqueue(db, endpoints: endpoints, type: .ticketCommented, payload: comment, at: now)
            }
            return comment
        }
    }

    public func comments(ticketID: Int64) async throws -> [TicketComment] {
        try await context.pool.read { db in
            guard try Self.exists(db, id: ticketID) else { throw RepositoryError.notFound(entity: "ticket", id: "\(ticketID)") }
            return try Row.fetchAll(db, sql: "SELECT * FROM ticket_comments WHERE ticket_id = ? ORDER BY id", arguments: [ticketID])
                .map { row in
                    TicketComment(
                        id: row["id"], ticketID: row["ticket_id"], author: row["author"], body: row["body"],
                        isInternal: row["is_internal"], createdAt: RowCoding.date(row["created_at"] as Double)
                    )
                }
        }
    }

    public func addLink(ticketID: Int64, kind: TicketLink.Kind, reference: String, by actor: String) async throws {
        var check = ValidationCollector()
        check.checkLength(reference, "reference", 1...1_024)
        do { try check.finish() } catch { throw RepositoryError.validation(error) }
        let now = context.now
        try await context.pool.write { db in
            guard try Self.exists(db, id: ticketID) else { throw RepositoryError.notFound(entity: "ticket", id: "\(ticketID)") }
            if kind == .interaction {
                guard let interactionID = Int64(reference),
                    try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM interactions WHERE id = ?)", arguments: [interactionID]) == true
                else {
                    throw RepositoryError.validation(
                        CRMValidationError(issues: [ValidationIssue(field: "reference", message: "no interaction \(reference)")])
                    )
                }
            }
            try Self.link(db, ticketID: ticketID, kind: kind, reference: reference, actor: actor, at: now)
        }
    }

    public func links(ticketID: Int64) async throws -> [TicketLink] {
        try await context.pool.read { db in
            guard try Self.exists(db, id: ticketID) else { throw RepositoryError.notFound(entity: "ticket", id: "\(ticketID)") }
            return try Row.fetchAll(db, sql: "SELECT * FROM ticket_links WHERE ticket_id = ? ORDER BY created_at, kind, reference", arguments: [ticketID])
                .map { row in
                    TicketLink(
                        kind: TicketLink.Kind(rawValue: row["kind"]) ?? .recording, reference: row["reference"],
                        createdAt: RowCoding.date(row["created_at"] as Double)
                    )
                }
        }
    }

    public func history(ticketID: Int64) async throws -> [TicketChange] {
        try await context.pool.read { db in
            guard try Self.exists(db, id: ticketID) else { throw RepositoryError.notFound(entity: "ticket", id: "\(ticketID)") }
            return try Row.fetchAll(db, sql: "SELECT * FROM ticket_history WHERE ticket_id = ? ORDER BY id", arguments: [ticketID])
                .map { row in
                    TicketChange(
                        actor: row["actor"], at: RowCoding.date(row["at"] as Double), field: row["field"],
                        oldValue: row["old_value"], newValue: row["new_value"]
                    )
                }
        }
    }

    public func breached(limit: Int) async throws -> [Ticket] {
        let now = context.now
        return try await context.pool.read { db in
            let ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM tickets WHERE status IN ('new', 'open', 'pending') AND due_at < ?
                    ORDER BY due_at, id LIMIT ?
                    """,
                arguments: [RowCoding.seconds(now), max(1, min(limit, PageRequest.maximumLimit))]
            )
            return try ids.map { try Self.fetch(db, id: $0, now: now) }
        }
    }

    // MARK: - Shared with other repositories

    static func exists(_ db: Database, id: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM tickets WHERE id = ?)", arguments: [id]) ?? false
    }

    /// Adds a link once (repeats are ignored) and records it in the history.
    static func link(_ db: Database, ticketID: Int64, kind: TicketLink.Kind, reference: String, actor: String, at: Date) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO ticket_links (ticket_id, kind, reference, created_at) VALUES (?, ?, ?, ?)",
            arguments: [ticketID, kind.rawValue, reference, RowCoding.seconds(at)]
        )
        if db.changesCount > 0 {
            try history(db, ticketID: ticketID, actor: actor, at: at, field: "link", old: nil, new: "\(kind.rawValue):\(reference)")
        }
    }

    static func history(_ db: Database, ticketID: Int64, actor: String, at: Date, field: String, old: String?, new: String?) throws {
        try db.execute(
            sql: "INSERT INTO ticket_history (ticket_id, actor, at, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [ticketID, actor, RowCoding.seconds(at), field, old, new]
        )
    }

    static func fetch(_ db: Database, id: Int64, now: Date) throws -> Ticket {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM tickets WHERE id = ?", arguments: [id]) else {
            throw RepositoryError.notFound(entity: "ticket", id: "\(id)")
        }
        return ticket(row, now: now)
    }

    static func ticket(_ row: Row, now: Date) -> Ticket {
        var assignee: TicketAssignee?
        if let kind = (row["assignee_kind"] as String?).flatMap(TicketAssignee.Kind.init(rawValue:)), let name = row["assignee_name"] as String? {
            assignee = TicketAssignee(kind: kind, name: name)
        }
        let dueAt = RowCoding.date(row["due_at"] as Double)
        let resolvedAt = RowCoding.dateOrNil(row["resolved_at"] as Double?)
        return Ticket(
            id: row["id"], number: row["number"], subject: row["subject"], description: row["description"],
            priority: TicketPriority(rawValue: row["priority"]) ?? .normal, category: row["category"],
            status: TicketStatus(rawValue: row["status"]) ?? .open, assignee: assignee, customerID: row["customer_id"],
            createdBy: row["created_by"], createdAt: RowCoding.date(row["created_at"] as Double),
            updatedAt: RowCoding.date(row["updated_at"] as Double), dueAt: dueAt, resolvedAt: resolvedAt,
            closedAt: RowCoding.dateOrNil(row["closed_at"] as Double?),
            slaBreached: SLAPolicy.isBreached(dueAt: dueAt, resolvedAt: resolvedAt, now: now)
        )
    }

    private static func diff(_ old: Ticket, _ new: Ticket) -> [FieldChange] {
        var changes: [FieldChange] = []
        func compare(_ field: String, _ before: String?, _ after: String?) {
            if before != after { changes.append(FieldChange(field: field, oldValue: before, newValue: after)) }
        }
        compare("status", old.status.rawValue, new.status.rawValue)
        compare("subject", old.subject, new.subject)
        compare("description", old.description, new.description)
        compare("priority", old.priority.rawValue, new.priority.rawValue)
        compare("category", old.category, new.category)
        compare("assignee", old.assignee?.label, new.assignee?.label)
        compare("customerID", old.customerID.map { "\($0)" }, new.customerID.map { "\($0)" })
        return changes
    }
}
