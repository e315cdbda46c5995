import CTICore
import Foundation
import GRDB

/// Customers in SQLite; numbers live in `customer_phones`, keyed by E.164 number for caller-ID lookup.
public struct SQLiteCustomerRepository: CustomerRepository {
    let context: StoreContext

    public func create(_ draft: CustomerDraft) async throws -> Customer {
        let clean = try validate(draft)
        let now = context.now
        return try await context.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO customers (name, company, emails, tags, is_vip, notes, custom_fields, owner_agent,
                        owner_group, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    clean.name, clean.company, RowCoding.json(clean.emails), RowCoding.json(clean.tags), clean.isVIP,
                    clean.notes, RowCoding.json(clean.customFields), clean.ownerAgent, clean.ownerGroup,
                    RowCoding.seconds(now), RowCoding.seconds(now),
                ]
            )
            let id = db.lastInsertedRowID
            try Self.insertPhones(db, customerID: id, numbers: clean.phoneNumbers)
            return try Self.fetch(db, id: id)
        }
    }

    public func get(id: Int64) async throws -> Customer {
        try await context.pool.read { db in try Self.fetch(db, id: id) }
    }

    public func update(id: Int64, with draft: CustomerDraft) async throws -> Customer {
        let clean = try validate(draft)
        let now = context.now
        return try await context.pool.write { db in
            try db.execute(
                sql: """
                    UPDATE customers SET name = ?, company = ?, emails = ?, tags = ?, is_vip = ?, notes = ?,
                        custom_fields = ?, owner_agent = ?, owner_group = ?, updated_at = ? WHERE id = ?
                    """,
                arguments: [
                    clean.name, clean.company, RowCoding.json(clean.emails), RowCoding.json(clean.tags), clean.isVIP,
                    clean.notes, RowCoding.json(clean.customFields), clean.ownerAgent, clean.ownerGroup,
                    RowCoding.seconds(now), id,
                ]
            )
            guard db.changesCount > 0 else { throw RepositoryError.notFound(entity: "customer", id: "\(id)") }
            try db.execute(sql: "DELETE FROM customer_phones WHERE customer_id = ?", arguments: [id])
            try Self.insertPhones(db, customerID: id, numbers: clean.phoneNumbers)
            return try Self.fetch(db, id: id)
        }
    }

    public func delete(id: Int64) async throws {
        try await context.pool.write { db in
            try db.execute(sql: "DELETE FROM customers WHERE id = ?", arguments: [id])
            guard db.changesCount > 0 else { throw RepositoryError.notFound(entity: "customer", id: "\(id)") }
        }
    }

    public func lookup(phoneNumber: String) async throws -> [Customer] {
        guard let number = context.normalizer.normalizedOrNil(phoneNumber) else { return [] }
        return try await context.pool.read { db in try Self.lookup(db, number: number) }
    }

    /// Synchronous lookup for callers already off the cooperative pool (benchmarks, tools).
    public func lookupNow(phoneNumber: String) throws -> [Customer] {
        guard let number = context.normalizer.normalizedOrNil(phoneNumber) else { return [] }
        return try context.pool.read { db in try Self.lookup(db, number: number) }
    }

    public func search(text: String?, page: PageRequest) async throws -> Page<Customer> {
        let page = try page.checked()
        let needle = text.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let number = needle.flatMap(context.normalizer.normalizedOrNil)
        return try await context.pool.read { db in
            var filter = ""
            var arguments: StatementArguments = []
            if let needle {
                let pattern = "%" + Self.escapeLike(needle) + "%"
                filter = """
                    WHERE c.name LIKE ? ESCAPE '\\' OR c.company LIKE ? ESCAPE '\\' OR c.emails LIKE ? ESCAPE '\\'
                        OR c.id IN (SELECT customer_id FROM customer_phones WHERE number = ?)
                    """
                arguments = [pattern, pattern, pattern, number ?? needle]
            }
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM customers c \(filter)", arguments: arguments) ?? 0
            let ids = try Int64.fetchAll(
                db, sql: "SELECT c.id FROM customers c \(filter) ORDER BY c.name COLLATE NOCASE, c.id LIMIT ? OFFSET ?",
                arguments: arguments + [page.limit, page.offset]
            )
            let items = try ids.map { try Self.fetch(db, id: $0) }
            return Page(items: items, total: total, limit: page.limit, offset: page.offset)
        }
    }

    /// Whether customer `id` exists (inside a transaction).
    static func exists(_ db: Database, id: Int64) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM customers WHERE id = ?)"), arguments: [id]) ?? false
    }

    static func lookup(_ db: Database, number: String) throws -> [Customer] {
        let ids = try Int64.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT c.id FROM customer_phones p JOIN customers c ON c.id = p.customer_id
                    WHERE p.number = ? ORDER BY c.updated_at DESC, c.id DESC
                    """),
            arguments: [number]
        )
        return try ids.map { try fetch(db, id: $0) }
    }

    static func fetch(_ db: Database, id: Int64) throws -> Customer {
        guard let customer = try find(db, id: id) else {
            throw RepositoryError.notFound(entity: "customer", id: "\(id)")
        }
        return customer
    }

    /// Customer `id` with its numbers, or nil.
    static func find(_ db: Database, id: Int64) throws -> Customer? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM customers WHERE id = ?"), arguments: [id]) else {
            return nil
        }
        let phones = try String.fetchAll(
            db.cachedStatement(sql: "SELECT number FROM customer_phones WHERE customer_id = ? ORDER BY position"), arguments: [id])
        return customer(row, phones: phones)
    }

    /// The most recently updated customer with the (normalised) `number`.
    static func newestID(_ db: Database, number: String) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT c.id FROM customer_phones p JOIN customers c ON c.id = p.customer_id
                    WHERE p.number = ? ORDER BY c.updated_at DESC, c.id DESC LIMIT 1
                    """),
            arguments: [number])
    }

    /// A customer from its row and numbers.
    static func customer(_ row: Row, phones: [String]) -> Customer {
        Customer(
            id: row["id"], name: row["name"], phoneNumbers: phones,
            emails: RowCoding.decode([String].self, row["emails"], fallback: []), company: row["company"],
            tags: RowCoding.decode([String].self, row["tags"], fallback: []), isVIP: row["is_vip"], notes: row["notes"],
            customFields: RowCoding.decode([String: String].self, row["custom_fields"], fallback: [:]),
            ownerAgent: row["owner_agent"], ownerGroup: row["owner_group"],
            createdAt: RowCoding.date(row["created_at"] as Double), updatedAt: RowCoding.date(row["updated_at"] as Double)
        )
    }

    private static func insertPhones(_ db: Database, customerID: Int64, numbers: [String]) throws {
        for (position, number) in numbers.enumerated() {
            try db.execute(
                sql: "INSERT INTO customer_phones (number, customer_id, position) VALUES (?, ?, ?)",
                arguments: [number, customerID, position]
            )
        }
    }

    private func validate(_ draft: CustomerDraft) throws(RepositoryError) -> CustomerDraft {
        do { return try draft.validated(normalizer: context.normalizer) } catch { throw .validation(error) }
    }

    static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
