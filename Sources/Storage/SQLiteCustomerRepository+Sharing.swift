import CTICore
import Foundation
import GRDB

extension SQLiteCustomerRepository {
    /// Like ``search(text:page:)``, but only customers `principal` may see under the sharing rules;
    /// the rule is part of the SQL, so totals and pages count visible customers only.
    public func search(text: String?, page: PageRequest, visibleTo principal: Principal) async throws -> Page<Customer> {
        let page = try page.checked()
        let needle = text.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let needle {
            let pattern = "%" + Self.escapeLike(needle) + "%"
            clauses.append(
                """
                (c.name LIKE ? ESCAPE '\\' OR c.company LIKE ? ESCAPE '\\' OR c.emails LIKE ? ESCAPE '\\'
                    OR c.id IN (SELECT customer_id FROM customer_phones WHERE number = ?))
                """)
            arguments += [pattern, pattern, pattern, context.normalizer.normalizedOrNil(needle) ?? needle]
        }
        if let visible = Self.visibility(principal, scope: context.configuration.access.sharing.customerScope(principal.role)) {
            clauses.append(visible.sql)
            arguments += visible.arguments
        }
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let finalArguments = arguments
        return try await context.pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM customers c \(filter)", arguments: finalArguments) ?? 0
            let ids = try Int64.fetchAll(
                db, sql: "SELECT c.id FROM customers c \(filter) ORDER BY c.name COLLATE NOCASE, c.id LIMIT ? OFFSET ?",
                arguments: finalArguments + [page.limit, page.offset]
            )
            return Page(items: try ids.map { try Self.fetch(db, id: $0) }, total: total, limit: page.limit, offset: page.offset)
        }
    }

    /// The SQL condition (on alias `c`) for customers `principal` may see; nil when they see all.
    static func visibility(_ principal: Principal, scope: SharingScope) -> (sql: String, arguments: StatementArguments)? {
        switch scope {
        case .all:
            return nil
        case .own:
            return ("c.owner_agent = ?", [principal.username])
        case .group:
            let groups = principal.groups.sorted()
            guard !groups.isEmpty else { return ("c.owner_agent = ?", [principal.username]) }
            let marks = Array(repeating: "?", count: groups.count).joined(separator: ", ")
            return ("(c.owner_agent = ? OR c.owner_group IN (\(marks)))", [principal.username] + StatementArguments(groups))
        }
    }
}
