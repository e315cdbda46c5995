import CTICore
import Foundation
import Storage
import Testing

@Suite("the screen-pop's caller context")
struct CallerContextTests {
    @Test("by id or by number: the customer, open tickets newest first, last calls newest first, each list limited")
    func context() async throws {
        let test = try TestStore()
        let customer = try await test.store.customers.create(CustomerDraft(name: "Lan", phoneNumbers: ["0912345678", "0281234567"]))
        let other = try await test.store.customers.create(CustomerDraft(name: "Other", phoneNumbers: ["0999999999"]))
        var open: [Int64] = []
        for subject in ["first", "second", "third"] {
            test.clock.advance(seconds: 60)
            open.append(try await test.store.tickets.create(TicketDraft(subject: subject, customerID: customer.id), by: "alice").id)
        }
        let resolved = try await test.store.tickets.create(TicketDraft(subject: "done", customerID: customer.id), by: "alice")
        _ = try await test.store.tickets.update(id: resolved.id, TicketUpdate(status: .resolved), by: "alice")
        _ = try await test.store.tickets.create(TicketDraft(subject: "not theirs", customerID: other.id), by: "alice")
        var calls: [Int64] = []
        for hour in 0..<3 {
            let call = try await test.store.interactions.record(
                InteractionDraft(direction: .inbound, fromNumber: "0912345678", toNumber: "1900", agent: "bob",
                                 startedAt: test.clock.now.addingTimeInterval(Double(hour) * 3600)))
            calls.append(call.id)
        }

        let byNumber = try #require(try await test.store.callerContext.context(customerID: nil, phoneNumber: "+84 28 1234 567", limit: 2))
        #expect(byNumber.customer == customer)
        #expect(byNumber.openTickets.map(\.id) == [open[2], open[1]])
        #expect(byNumber.openTickets.allSatisfy { $0.status == .new || $0.status == .open || $0.status == .pending })
        #expect(byNumber.recentInteractions.map(\.id) == [calls[2], calls[1]])

        let byID = try #require(try await test.store.callerContext.context(customerID: customer.id, phoneNumber: "0999999999"))
        #expect(byID.customer.id == customer.id, "the IVR's customer id wins over the number")
        #expect(Set(byID.openTickets.map(\.id)) == Set(open))
        #expect(byID.recentInteractions.count == 3)
    }

    @Test("an unknown id falls back to the number; nothing known, no number or a bad number is nil, not an error")
    func unknown() async throws {
        let test = try TestStore()
        let customer = try await test.store.customers.create(CustomerDraft(name: "Lan", phoneNumbers: ["0912345678"]))
        let fallback = try await test.store.callerContext.context(customerID: 404, phoneNumber: "84912345678")
        #expect(fallback?.customer.id == customer.id)
        #expect(fallback?.openTickets == [] && fallback?.recentInteractions == [])
        #expect(try await test.store.callerContext.context(customerID: 404, phoneNumber: nil) == nil)
        #expect(try await test.store.callerContext.context(customerID: nil, phoneNumber: "0900000000") == nil)
        #expect(try await test.store.callerContext.context(customerID: nil, phoneNumber: "anonymous") == nil)
        #expect(try await test.store.callerContext.context(customerID: nil, phoneNumber: "'; DROP TABLE customers; --") == nil)
        #expect(try await test.store.customers.get(id: customer.id) == customer)
    }
}
