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
    /// Where it connected (to find the server's log when a frame does not come).
    let url: String

    func send(_ message: CTIClientMessage) async throws { try await outbound.write(.text(message.encoded())) }
    func sendRaw(_ text: String) async throws { try await outbound.write(.text(text)) }

    /// The next frame, decoded.
    func next(timeout: Duration = .seconds(30)) async throws -> CTIServerFrame? {
        let text: String?
        do {
            text = try await inbox.next(timeout: timeout)
        } catch let timeout as FrameInbox.Timeout {
            throw FrameInbox.Timeout("\(timeout) (\(url)); the server's log:\n\(ServerLogs.tail(for: url))")
        }
        guard let text else { return nil }
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
    ///
    /// A socket that hears nothing at all, not even a close, is connected once more. Seen only on
    /// a loaded machine: the server's log shows its first frames (and close) sent, yet this client
    /// (swift-websocket over NIO's typed HTTP upgrade) never reads them, apparently because they
    /// arrive while it is still upgrading. A second silence fails the test with the server's log.
    @discardableResult
    static func connect(
        _ url: String, _ body: @escaping @Sendable (CTITestSocket) async throws -> Void
    ) async throws -> WebSocketCloseFrame? {
        do {
            return try await connectOnce(url, body)
        } catch let silence as SilentSocket {
            print("CTITestSocket: \(silence.description) … connecting once more")
            return try await connectOnce(url, body)
        }
    }

    /// The socket never received a frame, nor its close, before a read timed out.
    struct SilentSocket: Error, CustomStringConvertible {
        let description: String
    }

    private static func connectOnce(
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
                do {
                    try await body(CTITestSocket(inbox: inbox, outbound: outbound, url: url))
                } catch let timeout as FrameInbox.Timeout {
                    if await inbox.receivedCount == 0 { throw SilentSocket(description: timeout.description) }
                    throw timeout
                }
                group.cancelAll()
            }
        }
    }
}
