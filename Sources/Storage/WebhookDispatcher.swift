import AsyncHTTPClient
import CTICore
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle

/// A Service that drains the webhook outbox: POSTs each due message as signed JSON, marks it
/// delivered on a 2xx answer, otherwise records the failure (retry with backoff, or dead letter).
public struct WebhookDispatcher: Service {
    private let outbox: SQLiteWebhookOutbox
    private let endpoints: [String: WebhookEndpoint]
    private let httpClient: HTTPClient
    private let pollInterval: Duration
    private let requestTimeout: TimeAmount
    private let batchSize: Int
    private let now: @Sendable () -> Date
    private let logger: Logger

    /// A dispatcher for `store`'s outbox and endpoints, sending with `httpClient` (owned by the caller).
    public init(
        store: CTIStore, httpClient: HTTPClient, pollInterval: Duration = .seconds(1), requestTimeout: TimeAmount = .seconds(10),
        batchSize: Int = 50, logger: Logger
    ) {
        outbox = store.outbox
        endpoints = Dictionary(store.configuration.webhooks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.httpClient = httpClient
        self.pollInterval = pollInterval
        self.requestTimeout = requestTimeout
        self.batchSize = batchSize
        now = store.configuration.now
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let attempted: Int
                do {
                    attempted = try await drainOnce()
                } catch {
                    logger.error("webhook outbox read failed", metadata: ["webhook.error": "\(error)"])
                    attempted = 0
                }
                if attempted < batchSize {
                    try? await Task.sleep(for: pollInterval)
                }
            }
        }
    }

    /// Sends every message due now, once; returns how many were attempted.
    @discardableResult
    public func drainOnce() async throws -> Int {
        let messages = try await outbox.due(limit: batchSize)
        for message in messages {
            if Task.isCancelled { break }
            await deliver(message)
        }
        return messages.count
    }

    private func deliver(_ message: OutboxMessage) async {
        var metadata: Logger.Metadata = [
            "webhook.endpoint": "\(message.endpoint)", "webhook.id": "\(message.id)", "webhook.event": "\(message.eventType.rawValue)",
        ]
        let failure: String
        if let endpoint = endpoints[message.endpoint] {
            do {
                let status = try await post(message, to: endpoint)
                if (200..<300).contains(status) {
                    try await outbox.markDelivered(id: message.id)
                    logger.debug("webhook delivered", metadata: metadata)
                    return
                }
                failure = "HTTP \(status)"
            } catch {
                failure = "\(error)"
            }
        } else {
            failure = "endpoint '\(message.endpoint)' is not configured"
        }
        metadata["webhook.error"] = "\(failure)"
        do {
            let updated = try await outbox.markFailed(id: message.id, error: failure)
            metadata["webhook.attempts"] = "\(updated.attempts)"
            if updated.status == .dead {
                logger.error("webhook dead-lettered", metadata: metadata)
            } else {
                logger.warning("webhook failed, will retry", metadata: metadata)
            }
        } catch {
            logger.error("webhook failure not recorded", metadata: metadata)
        }
    }

    private func post(_ message: OutboxMessage, to endpoint: WebhookEndpoint) async throws -> UInt {
        let timestamp = Int(now().timeIntervalSince1970)
        var request = HTTPClientRequest(url: endpoint.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "CTIBridge-Webhooks")
        request.headers.add(name: WebhookSignature.eventHeader, value: message.eventType.rawValue)
        request.headers.add(name: WebhookSignature.deliveryHeader, value: "\(message.id)")
        request.headers.add(name: WebhookSignature.timestampHeader, value: "\(timestamp)")
        request.headers.add(
            name: WebhookSignature.signatureHeader,
            value: WebhookSignature.sign(body: message.body, timestamp: timestamp, secret: endpoint.secret)
        )
        request.body = .bytes(ByteBuffer(string: message.body))
        let response = try await httpClient.execute(request, timeout: requestTimeout)
        // Drain (and bound) the answer so the connection can be reused.
        _ = try? await response.body.collect(upTo: 64 * 1024)
        return response.status.code
    }
}
