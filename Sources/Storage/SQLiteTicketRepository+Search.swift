import CTICore
import Foundation
import GRDB

extension SQLiteTicketRepository {
    public func search(_ query: TicketQuery, visibleTo principal: Principal?) async throws -> Page<Ticket> {
        let page = try query.page.checked()
        let now = context.now
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let statuses = query.statuses, !statuses.isEmpty {
            clauses.append("status IN (\(Self.placeholders(statuses.count)))")
            arguments += StatementArguments(statuses.map(\.rawValue))
        }
        if let priorities = query.priorities, !priorities.isEmpty {
            clauses.append("priority IN (\(Self.placeholders(priorities.count)))")
            arguments += StatementArguments(priorities.map(\.rawValue))
        }
        if let category = query.category {
            clauses.append("category = ?")
            arguments += [category]
        }
        if let assignee = query.assignee {
            clauses.append("assignee_kind = ? AND assignee_name = ?")
            arguments += [assignee.kind.rawValue, assignee.name]
        }
        if let customerID = query.customerID {
            clauses.append("customer_id = ?")
            arguments += [customerID]
        }
        if let text = query.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let pattern = "%" + SQLiteCustomerRepository.escapeLike(text) + "%"
            clauses.append("(subject LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\')")
            arguments += [pattern, pattern]
        }
        if query.breachedOnly == true {
            clauses.append("status IN ('new', 'open', 'pending') AND due_at < ?")
            arguments += [RowCoding.seconds(now)]
        }
        if let principal {
            let scope = context.configuration.access.sharing.ticketScope(principal.role)
            if scope != .all {
                var visible = "created_by = ? OR (assignee_kind = 'agent' AND assignee_name = ?)"
                arguments += [principal.username, principal.username]
                if scope == .group, !principal.groups.isEmpty {
                    let groups = principal.groups.sorted()
                    visible += " OR (assignee_kind = 'group' AND assignee_name IN (\(Self.placeholders(groups.count))))"
                    arguments += StatementArguments(groups)
                }
                clauses.append("(\(visible))")
            }
        }
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let finalArguments = arguments
        return try await context.pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM tickets \(filter)", arguments: finalArguments) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM tickets \(filter) ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                arguments: finalArguments + [page.limit, page.offset]
            )
            return Page(items: rows.map { Self.ticket($0, now: now) }, total: total, limit: page.limit, offset: page.offset)
        }
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
