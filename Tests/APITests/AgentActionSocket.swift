import CTICore
import Foundation
import Logging
import NIOWebSocket
import Synchronization
import TestSupport
import Testing
import WSClient

/// An agent's WebSocket to an ``APITestServer``: sends actions and reads their replies.
struct AgentActionSocket: Sendable {
    /// What the server sent so far, and whether it closed the socket.
    final class Frames: Sendable {
        let received = Mutex<[CTIServerFrame]>([])
        let closed = Mutex(false)
    }

    let outbound: WebSocketOutboundWriter
    let frames: Frames

    /// Opens `user`'s agent socket, runs `body` with it, then closes it.
    static func with(_ server: APITestServer, as user: String, _ body: @escaping @Sendable (AgentActionSocket) async throws -> Void) async throws {
        var logger = Logger(label: "api.test.ws")
        logger.logLevel = .critical
        let url = "ws://127.0.0.1:\(server.port)/ws/agent?token=\(server.tokens[user] ?? user)"
        let frames = Frames()
        _ = try await WebSocketClient.connect(url: url, logger: logger) { inbound, outbound, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        for try await message in inbound.messages(maxSize: 1 << 20) {
                            if case .text(let text) = message, let frame = try? CTIServerFrame.decode(text) {
                                frames.received.withLock { $0.append(frame) }
                            }
                        }
                    } catch {}
                    frames.closed.withLock { $0 = true }
                }
                try await body(AgentActionSocket(outbound: outbound, frames: frames))
                group.cancelAll()
            }
        }
    }

    /// Sends `action` as the desktop does (an `action` frame with a request id) and returns the
    /// server's reply to it, waiting up to 30 s.
    func act(_ action: CTIAgentAction) async throws -> CTIActionReply {
        let id = UUID().uuidString
        try await outbound.write(.text(CTIClientMessage.action(id: id, action).encoded()))
        var reply: CTIActionReply?
        _ = await poll(timeout: .seconds(30)) {
            reply = frames.received.withLock { received in
                received.lazy.compactMap { frame -> CTIActionReply? in
                    if case .reply(let reply) = frame, reply.id == id { reply } else { nil }
                }.first
            }
            return reply != nil
        }
        return try #require(reply, "no reply to \(action.name) within 30 s")
    }

    /// Whether the socket is still open (the server has not closed it).
    var isOpen: Bool { !frames.closed.withLock { $0 } }
}
