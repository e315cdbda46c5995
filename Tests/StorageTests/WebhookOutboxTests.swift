import CTICore
import Foundation
import Storage
import Testing

@Suite("webhook outbox: queued with the change, backoff, dead letter, requeue")
struct WebhookOutboxTests {
    static let crm = WebhookEndpoint(name: "crm", url: "http://127.0.0.1:9/hook", secret: "s3cret")
    static let ticketsOnly = WebhookEndpoint(name: "tickets", url: "http://127.0.0.1:9/t", secret: "x", events: [.ticketCreated])

    @Test("ticket and call events are queued per interested endpoint in the same transaction")
    func queued() async throws {
        let test = try TestStore(webhooks: [Self.crm, Self.ticketsOnly])
        let ticket = try await test.store.tickets.create(TicketDraft(subject: "S"), by: "alice")
        _ = try await test.store.tickets.update(id: ticket.id, TicketUpdate(status: .open), by: "alice")
        _ = try await test.store.interactions.record(InteractionDraft(direction: .inbound, fromNumber: "1", toNumber: "2", startedAt: test.clock.now))
        let due = try await test.store.outbox.due(limit: 10)
        #expect(due.map { "\($0.endpoint):\($0.eventType.rawValue)" } == ["crm:ticket.created", "tickets:ticket.created", "crm:ticket.updated", "crm:call.recorded"])
        let body = try JSONSerialization.jsonObject(with: Data(due[0].body.utf8)) as? [String: Any]
        #expect(body?["event"] as? String == "ticket.created")
        #expect((body?["data"] as? [String: Any])?["subject"] as? String == "S")
        // A change that fails (forbidden transition) queues nothing.
        await #expect(throws: RepositoryError.self) { try await test.store.tickets.update(id: ticket.id, TicketUpdate(status: .new), by: "alice") }
        #expect(try await test.store.outbox.due(limit: 10).count == 4)
    }

    @Test("failures back off exponentially, then dead-letter; requeue makes it due again")
    func backoffAndDeadLetter() async throws {
        let retry = WebhookRetryPolicy(maxAttempts: 3, backoff: Backoff(initial: .seconds(10), maximum: .seconds(60)))
        let test = try TestStore(webhooks: [Self.crm], retry: retry)
        try await test.store.outbox.enqueue(.ticketUpdated, body: "{}")
        let message = try #require(try await test.store.outbox.due(limit: 1).first)
        let start = test.clock.now
        let first = try await test.store.outbox.markFailed(id: message.id, error: "HTTP 500")
        #expect(first.status == .pending && first.attempts == 1 && first.nextAttemptAt == start.addingTimeInterval(10) && first.lastError == "HTTP 500")
        #expect(try await test.store.outbox.due(limit: 1).isEmpty)
        test.clock.advance(seconds: 10)
        #expect(try await test.store.outbox.due(limit: 1).map(\.id) == [message.id])
        let second = try await test.store.outbox.markFailed(id: message.id, error: "timeout")
        #expect(second.nextAttemptAt == test.clock.now.addingTimeInterval(20))
        test.clock.advance(seconds: 20)
        let third = try await test.store.outbox.markFailed(id: message.id, error: "HTTP 502")
        #expect(third.status == .dead && third.attempts == 3)
        test.clock.advance(seconds: 3600)
        #expect(try await test.store.outbox.due(limit: 1).isEmpty)
        #expect(try await test.store.outbox.deadLetters(limit: 5).map(\.id) == [message.id])
        try await test.store.outbox.requeue(id: message.id)
        #expect(try await test.store.outbox.due(limit: 1).first?.attempts == 0)
        await #expect(throws: RepositoryError.conflict("webhook message \(message.id) is not dead-lettered")) {
            try await test.store.outbox.requeue(id: message.id)
        }
        try await test.store.outbox.markDelivered(id: message.id)
        #expect(try await test.store.outbox.get(id: message.id).status == .delivered)
        await #expect(throws: RepositoryError.notFound(entity: "webhook message", id: "999")) { try await test.store.outbox.markDelivered(id: 999) }
    }
}
