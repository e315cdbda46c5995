import CTICore
import Foundation
import Logging
import Storage
import Testing

@Suite("webhook dispatcher as serve and demo run it")
struct WebhookServiceTests {
    @Test("running as a service with the shared HTTP client, it delivers a new ticket's event")
    func runsAndDelivers() async throws {
        let secret = "service-secret-0123456789"
        let receiver = WebhookReceiver(failFirst: 0, secret: secret)
        try await receiver.serve { port in
            let endpoint = WebhookEndpoint(name: "default", url: "http://127.0.0.1:\(port)/hook", secret: secret)
            let test = try TestStore(webhooks: [endpoint])
            let dispatcher = WebhookDispatcher(store: test.store, logger: Logger(label: "webhooks", factory: { _ in SwiftLogNoOpLogHandler() }))
            let running = Task { try await dispatcher.run() }
            defer { running.cancel() }
            _ = try await test.store.tickets.create(TicketDraft(subject: "Tell the CRM"), by: "alice")
            // Polls for the delivery; 30 s is a safety net, the loop ends as soon as it arrives.
            let deadline = ContinuousClock.now + .seconds(30)
            while receiver.received.isEmpty, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            let received = receiver.received
            #expect(received.count == 1)
            #expect(received.first?.event == "ticket.created" && received.first?.signatureValid == true)
        }
    }
}
