import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Storage
import Synchronization
import TestSupport

/// A real HTTP server on 127.0.0.1 (port 0) that records webhook posts and fails the first ones.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var path: String
        var body: String
        var event: String?
        var signatureValid: Bool
    }

    private struct State {
        var received: [Received] = []
        var failuresLeft: Int
    }

    private let state: Mutex<State>
    private let secret: String

    /// Answers 500 to the first `failFirst` posts to `/hook`; `/broken` always answers 503.
    init(failFirst: Int, secret: String) {
        state = Mutex(State(failuresLeft: failFirst))
        self.secret = secret
    }

    var received: [Received] { state.withLock { $0.received } }

    /// Runs the server, calls `body` with its port, then stops it.
    func serve(_ body: @Sendable (Int) async throws -> Void) async throws {
        try await withNetworkTestSlot {
            let router = Router()
            router.post("/hook") { request, _ -> Response in
                let failed = try await self.record(request, path: "/hook")
                return Response(status: failed ? .internalServerError : .noContent)
            }
            router.post("/broken") { request, _ -> Response in
                _ = try await self.record(request, path: "/broken")
                return Response(status: .serviceUnavailable)
            }
            let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
            let app = Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
                logger: Logger(label: "webhook-receiver", factory: { _ in SwiftLogNoOpLogHandler() })
            )
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await app.runService() }
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next() else { return }
                defer { group.cancelAll() }
                try await body(port)
            }
        }
    }

    private func record(_ request: Request, path: String) async throws -> Bool {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        let body = String(buffer: buffer)
        let timestamp = request.headers[HTTPField.Name(WebhookSignature.timestampHeader)!].flatMap { Int($0) } ?? -1
        let signature = request.headers[HTTPField.Name(WebhookSignature.signatureHeader)!] ?? ""
        let valid = WebhookSignature.verify(signature: signature, body: body, timestamp: timestamp, secret: secret)
        let event = request.headers[HTTPField.Name(WebhookSignature.eventHeader)!]
        return state.withLock { state in
            state.received.append(Received(path: path, body: body, event: event, signatureValid: valid))
            guard path == "/hook", state.failuresLeft > 0 else { return false }
            state.failuresLeft -= 1
            return true
        }
    }
}
