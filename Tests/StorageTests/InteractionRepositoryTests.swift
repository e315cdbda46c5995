import CTICore
import Foundation
import Storage
import Testing

@Suite("interactions and the customer timeline")
struct InteractionRepositoryTests {
    @Test("a call is linked to the customer by number and shows on the timeline, newest first")
    func timeline() async throws {
        let test = try TestStore()
        let customer = try await test.store.customers.create(CustomerDraft(name: "A", phoneNumbers: ["0912345678"]))
        let start = test.clock.now
        let first = try await test.store.interactions.record(
            InteractionDraft(
                callID: "1700000000.1", direction: .inbound, fromNumber: "84912345678", toNumber: "1900 1234", queue: "support", agent: "alice",
                ivrPath: ["welcome", "menu", "support"], startedAt: start, waitSeconds: 12.5, talkSeconds: 180, wrapUpSeconds: 30,
                disposition: "solved", recordingReference: "2026/11/27/1700000000.1.wav"
            )
        )
        #expect(first.customerID == customer.id && first.fromNumber == "+84912345678")
        let second = try await test.store.interactions.record(
            InteractionDraft(direction: .outbound, fromNumber: "1001", toNumber: "0912 345 678", agent: "bob", startedAt: start.addingTimeInterval(3600))
        )
        #expect(second.customerID == customer.id)
        let unknown = try await test.store.interactions.record(
            InteractionDraft(direction: .inbound, fromNumber: "anonymous", toNumber: "1900", startedAt: start)
        )
        #expect(unknown.customerID == nil && unknown.fromNumber == "anonymous")
        let timeline = try await test.store.interactions.timeline(customerID: customer.id, page: PageRequest())
        #expect(timeline.items.map(\.id) == [second.id, first.id] && timeline.total == 2)
        let read = try await test.store.interactions.get(id: first.id)
        #expect(read == first && read.ivrPath == ["welcome", "menu", "support"] && read.waitSeconds == 12.5)
        await #expect(throws: RepositoryError.notFound(entity: "customer", id: "404")) {
            try await test.store.interactions.timeline(customerID: 404, page: PageRequest())
        }
    }

    @Test("bad durations, unknown tickets and unknown customers are validation errors listing each field")
    func invalid() async throws {
        let test = try TestStore()
        let error = await #expect(throws: RepositoryError.self) {
            try await test.store.interactions.record(
                InteractionDraft(direction: .inbound, fromNumber: "", toNumber: "1900", startedAt: test.clock.now, waitSeconds: -1, talkSeconds: .nan)
            )
        }
        guard case .validation(let validation) = error else {
            Issue.record("expected validation, got \(String(describing: error))")
            return
        }
        #expect(validation.fields == ["fromNumber", "waitSeconds", "talkSeconds"])
        let missing = await #expect(throws: RepositoryError.self) {
            try await test.store.interactions.record(
                InteractionDraft(direction: .inbound, fromNumber: "1", toNumber: "2", startedAt: test.clock.now, ticketIDs: [5, 6])
            )
        }
        #expect(missing == .validation(CRMValidationError(issues: [
            ValidationIssue(field: "ticketIDs[0]", message: "no ticket 5"), ValidationIssue(field: "ticketIDs[1]", message: "no ticket 6"),
        ])))
        await #expect(throws: RepositoryError.self) {
            try await test.store.interactions.record(InteractionDraft(direction: .inbound, fromNumber: "1", toNumber: "2", startedAt: test.clock.now, customerID: 9))
        }
    }

    @Test("deleting a customer keeps their calls, unlinked")
    func deleteCustomer() async throws {
        let test = try TestStore()
        let customer = try await test.store.customers.create(CustomerDraft(name: "A", phoneNumbers: ["0912345678"]))
        let call = try await test.store.interactions.record(InteractionDraft(direction: .inbound, fromNumber: "0912345678", toNumber: "1900", startedAt: test.clock.now))
        try await test.store.customers.delete(id: customer.id)
        #expect(try await test.store.interactions.get(id: call.id).customerID == nil)
    }
}
