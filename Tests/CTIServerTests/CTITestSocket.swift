import CTICore
import BrowserSupport
import Logging
import NIOCore
import NIOWebSocket
import Testing
import Synchronization
import WSClient
import WSCore


/// Values gathered from concurrent test code.
final class Collected<Element: Sendable>: Sendable {
    private let storage = Mutex<[Element]>([])
    func append(_ element: Element) { storage.withLock { $0.append(element) } }
    var items: [Element] { storage.withLock { $0 } }
}

/// One WebSocket client used by a test body.
struct CTITestSocket: Sendable {
    let inbox: FrameInbox
    let outbound: WebSocketOutboundWriter

    func send(_ message: CTIClientMessage) async throws { try await outbound.write(.text(message.encoded())) }
    func sendRaw(_ text: String) async throws { try await outbound.write(.text(text)) }

    /// The next frame, decoded.
    func next(timeout: Duration = .seconds(30)) async throws -> CTIServerFrame? {
        guard let text = try await inbox.next(timeout: timeout) else { return nil }
        return try CTIServerFrame.decode(text)
    }

    /// The next frame, which must be a pop; returns its sequence number and message.
    func nextPop() async throws -> (UInt64, CTIScreenPopMessage) {
        let frame = try await next()
        guard case .pop(let seq, let message)? = frame else {
            Issue.record("expected a pop, got \(String(describing: frame))")
            throw FrameInbox.Timeout()
        }
        return (seq, message)
    }

    /// The next frame, which must be an error; returns it.
    func nextError() async throws -> CTIProtocolError {
        let frame = try await next()
        guard case .error(let error)? = frame else {
            Issue.record("expected an error frame, got \(String(describing: frame))")
            throw FrameInbox.Timeout()
        }
        return error
    }

    /// Opens `url`, runs `body` with the socket, and returns the server's close frame if it closed first.
    @discardableResult
    static func connect(
        _ url: String, _ body: @escaping @Sendable (CTITestSocket) async throws -> Void
    ) async throws -> WebSocketCloseFrame? {
        var configuration = WebSocketClientConfiguration()
        configuration.maxFrameSize = 1 << 20
        var logger = Logger(label: "cti.test.ws")
        logger.logLevel = .critical
        return try await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) { inbound, outbound, _ in
            let inbox = FrameInbox()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        for try await message in inbound.messages(maxSize: 1 << 22) {
                            if case .text(let text) = message { await inbox.deliver(text) }
                        }
                    } catch {}
                    await inbox.finish()
                }
                try await body(CTITestSocket(inbox: inbox, outbound: outbound))
                group.cancelAll()
            }
        }
    }
}
