import CTICore
import Foundation
import GRDB

extension SQLiteCustomerRepository {
    /// Imports many customers in one transaction (CRM migration, benchmarks). All drafts are
    /// validated first; if any is bad nothing is written and the error lists fields as
    /// `[index].field`. Returns the number imported.
    public func importCustomers(_ drafts: [CustomerDraft]) async throws -> Int {
        let normalizer = context.normalizer
        var clean: [CustomerDraft] = []
        clean.reserveCapacity(drafts.count)
        var issues: [ValidationIssue] = []
        for (index, draft) in drafts.enumerated() {
            do {
                clean.append(try draft.validated(normalizer: normalizer))
            } catch {
                issues += error.issues.map { ValidationIssue(field: "[\(index)].\($0.field)", message: $0.message) }
            }
        }
        guard issues.isEmpty else { throw RepositoryError.validation(CRMValidationError(issues: issues)) }
        let now = RowCoding.seconds(context.now)
        let rows = clean
        return try await context.pool.write { db in
            let customer = try db.makeStatement(
                sql: """
                    INSERT INTO customers (name, company, emails, tags, is_vip, notes, custom_fields, owner_agent,
                        owner_group, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            )
            let phone = try db.makeStatement(sql: "INSERT INTO customer_phones (number, customer_id, position) VALUES (?, ?, ?)")
            for draft in rows {
                try customer.execute(arguments: [
                    draft.name, draft.company, RowCoding.json(draft.emails), RowCoding.json(draft.tags), draft.isVIP, draft.notes,
                    RowCoding.json(draft.customFields), draft.ownerAgent, draft.ownerGroup, now, now,
                ])
                let id = db.lastInsertedRowID
                for (position, number) in draft.phoneNumbers.enumerated() {
                    try phone.execute(arguments: [number, id, position])
                }
            }
            return rows.count
        }
    }

    /// How many customers are stored.
    public func count() async throws -> Int {
        try await context.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM customers") ?? 0 }
    }
}
