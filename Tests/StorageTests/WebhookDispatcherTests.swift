import AsyncHTTPClient
import CTICore
import Foundation
import Logging
import Storage
import Testing

@Suite("webhook dispatcher against a real HTTP server")
struct WebhookDispatcherTests {
    static let secret = "hook-secret"
    static let quiet = Logger(label: "webhooks", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test("signed JSON is retried with backoff after failures and then delivered once")
    func retriesThenDelivers() async throws {
        let receiver = WebhookReceiver(failFirst: 2, secret: Self.secret)
        try await receiver.serve { port in
            let endpoint = WebhookEndpoint(name: "crm", url: "http://127.0.0.1:\(port)/hook", secret: Self.secret)
            let retry = WebhookRetryPolicy(maxAttempts: 5, backoff: Backoff(initial: .seconds(10), maximum: .seconds(600)))
            let test = try TestStore(webhooks: [endpoint], retry: retry)
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            do {
                let dispatcher = WebhookDispatcher(store: test.store, httpClient: client, logger: Self.quiet)
                let ticket = try await test.store.tickets.create(TicketDraft(subject: "Webhook me"), by: "alice")
                #expect(try await dispatcher.drainOnce() == 1)
                #expect(try await dispatcher.drainOnce() == 0)  // backing off: not due yet
                test.clock.advance(seconds: 10)
                #expect(try await dispatcher.drainOnce() == 1)
                test.clock.advance(seconds: 19)
                #expect(try await dispatcher.drainOnce() == 0)
                test.clock.advance(seconds: 1)
                #expect(try await dispatcher.drainOnce() == 1)
                let received = receiver.received
                try #require(received.count == 3)
                #expect(received.allSatisfy { $0.signatureValid && $0.event == "ticket.created" })
                #expect(received.map(\.body).allSatisfy { $0 == received[0].body })
                let json = try JSONSerialization.jsonObject(with: Data(received[0].body.utf8)) as? [String: Any]
                #expect((json?["data"] as? [String: Any])?["id"] as? Int == Int(ticket.id))
                test.clock.advance(seconds: 3600)
                #expect(try await dispatcher.drainOnce() == 0)
                #expect(receiver.received.count == 3)
                #expect(try await test.store.outbox.deadLetters(limit: 5).isEmpty)
            } catch {
                try await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }

    @Test("an endpoint that keeps failing is dead-lettered after the last attempt; a wrong signature would not verify")
    func deadLetter() async throws {
        let receiver = WebhookReceiver(failFirst: 0, secret: Self.secret)
        try await receiver.serve { port in
            let endpoint = WebhookEndpoint(name: "broken", url: "http://127.0.0.1:\(port)/broken", secret: Self.secret)
            let retry = WebhookRetryPolicy(maxAttempts: 3, backoff: Backoff(initial: .seconds(1), maximum: .seconds(1)))
            let test = try TestStore(webhooks: [endpoint], retry: retry)
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            do {
                let dispatcher = WebhookDispatcher(store: test.store, httpClient: client, logger: Self.quiet)
                try await test.store.outbox.enqueue(.callRecorded, body: #"{"event":"call.recorded"}"#)
                for _ in 0..<3 {
                    #expect(try await dispatcher.drainOnce() == 1)
                    test.clock.advance(seconds: 1)
                }
                #expect(try await dispatcher.drainOnce() == 0)
                let dead = try await test.store.outbox.deadLetters(limit: 5)
                #expect(dead.count == 1 && dead[0].attempts == 3 && dead[0].lastError == "HTTP 503")
                #expect(receiver.received.count == 3)
                #expect(!WebhookSignature.verify(signature: "sha256=00", body: "{}", timestamp: 1, secret: Self.secret))
            } catch {
                try await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }

    @Test("running as a service, the dispatcher delivers on its own and stops when cancelled")
    func runsAsService() async throws {
        let receiver = WebhookReceiver(failFirst: 1, secret: Self.secret)
        try await receiver.serve { port in
            let endpoint = WebhookEndpoint(name: "crm", url: "http://127.0.0.1:\(port)/hook", secret: Self.secret)
            let retry = WebhookRetryPolicy(maxAttempts: 5, backoff: Backoff(initial: .milliseconds(50), maximum: .seconds(1)))
            let test = try TestStore(webhooks: [endpoint], retry: retry, wallClock: true)
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let dispatcher = WebhookDispatcher(store: test.store, httpClient: client, pollInterval: .milliseconds(20), logger: Self.quiet)
            let ticket = try await test.store.tickets.create(TicketDraft(subject: "Async"), by: "alice")
            let running = Task { try await dispatcher.run() }
            var delivered = false
            for _ in 0..<250 where !delivered {
                try await Task.sleep(for: .milliseconds(20))
                guard receiver.received.count >= 2 else { continue }
                delivered = try await test.store.outbox.get(id: 1).status == .delivered
            }
            running.cancel()
            _ = try? await running.value
            try await client.shutdown()
            #expect(delivered)
            #expect(receiver.received.count == 2)
            #expect(ticket.number == 1)
        }
    }
}
