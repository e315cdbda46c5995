import CTICore
import Foundation
import GRDB
import Storage
import Testing

@Suite("customers: CRUD, caller-ID lookup, search")
struct CustomerRepositoryTests {
    @Test("create, read back, update and delete a customer with every field")
    func crud() async throws {
        let test = try TestStore()
        let customers = test.store.customers
        let created = try await customers.create(
            CustomerDraft(
                name: "Trần Thị B", phoneNumbers: ["0912 345 678", "+44 20 7946 0018"], emails: ["b@example.vn"], company: "ACME",
                tags: ["reseller"], isVIP: true, notes: "prefers email", customFields: ["contract": "C-1"], ownerAgent: "alice"
            )
        )
        #expect(created.phoneNumbers == ["+84912345678", "+442079460018"])
        let read = try await customers.get(id: created.id)
        #expect(read == created)
        #expect(read.isVIP && read.customFields == ["contract": "C-1"] && read.tags == ["reseller"] && read.notes == "prefers email")

        test.clock.advance(seconds: 60)
        let updated = try await customers.update(id: created.id, with: CustomerDraft(name: "Trần Thị B", phoneNumbers: ["0987654321"]))
        #expect(updated.phoneNumbers == ["+84987654321"])
        #expect(updated.company == nil && !updated.isVIP)
        #expect(updated.updatedAt == created.updatedAt.addingTimeInterval(60))
        #expect(try await customers.lookup(phoneNumber: "0912345678").isEmpty)

        try await customers.delete(id: created.id)
        await #expect(throws: RepositoryError.notFound(entity: "customer", id: "\(created.id)")) { try await customers.get(id: created.id) }
        await #expect(throws: RepositoryError.notFound(entity: "customer", id: "\(created.id)")) { try await customers.delete(id: created.id) }
        await #expect(throws: RepositoryError.self) {
            try await customers.update(id: 999, with: CustomerDraft(name: "x"))
        }
    }

    @Test("lookup finds the customer from any written form of the number")
    func lookup() async throws {
        let test = try TestStore()
        let customers = test.store.customers
        let customer = try await customers.create(CustomerDraft(name: "A", phoneNumbers: ["+84912345678"]))
        _ = try await customers.create(CustomerDraft(name: "Other", phoneNumbers: ["0912345679"]))
        for form in ["0912 345 678", "+84912345678", "84912345678", "0084912345678"] {
            #expect(try await customers.lookup(phoneNumber: form).map(\.id) == [customer.id], "\(form)")
        }
        #expect(try await customers.lookup(phoneNumber: "0900000000").isEmpty)
        #expect(try await customers.lookup(phoneNumber: "not a number").isEmpty)
    }

    @Test("lookup uses the phone index rather than scanning customers")
    func lookupPlan() async throws {
        let test = try TestStore()
        let details = try await test.store.database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT customer_id FROM customer_phones WHERE number = ?", arguments: ["+84912345678"])
                .map { $0["detail"] as String }
        }
        #expect(details.contains { $0.contains("SEARCH") && $0.contains("PRIMARY KEY") })
    }

    @Test("bad input is rejected with every field listed, and nothing is stored")
    func invalid() async throws {
        let test = try TestStore()
        let error = await #expect(throws: RepositoryError.self) {
            try await test.store.customers.create(CustomerDraft(name: "", phoneNumbers: ["12", "0912345678"], emails: ["x"]))
        }
        guard case .validation(let validation) = error else {
            Issue.record("expected a validation error, got \(String(describing: error))")
            return
        }
        #expect(validation.fields == ["name", "phoneNumbers[0]", "emails[0]"])
        #expect(try await test.store.customers.search(text: nil, page: PageRequest()).total == 0)
    }

    @Test("SQL-looking strings are stored and found verbatim")
    func sqlLookingStrings() async throws {
        let test = try TestStore()
        let nasty = "Robert'); DROP TABLE customers; --"
        let customer = try await test.store.customers.create(
            CustomerDraft(name: nasty, company: "%_\\ OR 1=1", notes: "\" OR \"\"=\"", customFields: ["k'ey": "v\"al; DELETE FROM users"])
        )
        let read = try await test.store.customers.get(id: customer.id)
        #expect(read.name == nasty && read.company == "%_\\ OR 1=1" && read.notes == "\" OR \"\"=\"")
        #expect(read.customFields == ["k'ey": "v\"al; DELETE FROM users"])
        _ = try await test.store.customers.create(CustomerDraft(name: "Plain"))
        // LIKE wildcards in the query are literal: "%_" matches only the company that contains them.
        #expect(try await test.store.customers.search(text: "%_", page: PageRequest()).items.map(\.id) == [customer.id])
        #expect(try await test.store.customers.search(text: "DROP TABLE", page: PageRequest()).total == 1)
    }

    @Test("search pages through results by name and counts the total")
    func searchPages() async throws {
        let test = try TestStore()
        for index in 0..<7 {
            _ = try await test.store.customers.create(CustomerDraft(name: "Customer \(index)", phoneNumbers: ["09123456\(10 + index)"], company: index.isMultiple(of: 2) ? "Even Co" : nil))
        }
        let first = try await test.store.customers.search(text: nil, page: PageRequest(limit: 3, offset: 0))
        #expect(first.total == 7 && first.items.map(\.name) == ["Customer 0", "Customer 1", "Customer 2"] && first.hasMore)
        let last = try await test.store.customers.search(text: nil, page: PageRequest(limit: 3, offset: 6))
        #expect(last.items.map(\.name) == ["Customer 6"] && !last.hasMore)
        #expect(try await test.store.customers.search(text: "even", page: PageRequest()).total == 4)
        #expect(try await test.store.customers.search(text: "0912345613", page: PageRequest()).items.map(\.name) == ["Customer 3"])
        await #expect(throws: RepositoryError.self) { try await test.store.customers.search(text: nil, page: PageRequest(limit: 0, offset: -1)) }
    }

    @Test("bulk import writes all customers or, when one is bad, none, naming the bad rows")
    func bulkImport() async throws {
        let test = try TestStore()
        let good = (0..<50).map { CustomerDraft(name: "C\($0)", phoneNumbers: ["09123450\(10 + $0)"]) }
        #expect(try await test.store.customers.importCustomers(good) == 50)
        #expect(try await test.store.customers.lookup(phoneNumber: "+84912345049").map(\.name) == ["C39"])
        let error = await #expect(throws: RepositoryError.self) {
            try await test.store.customers.importCustomers([CustomerDraft(name: "ok"), CustomerDraft(name: "", phoneNumbers: ["x"])])
        }
        #expect(error == .validation(CRMValidationError(issues: [
            ValidationIssue(field: "[1].name", message: "must not be empty"),
            ValidationIssue(field: "[1].phoneNumbers[0]", message: "contains 'x', which is not part of a phone number"),
        ])))
        #expect(try await test.store.customers.count() == 50)
    }
}
