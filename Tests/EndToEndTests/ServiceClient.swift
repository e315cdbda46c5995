import AsyncHTTPClient
import BrowserSupport
import CTICore
import CTIDemo
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Testing
import WSClient

/// A client of the running service's REST API and agent WebSocket, as a browser would use them.
struct ServiceClient: Sendable {
    struct Reply: Sendable {
        var status: Int
        var body: Data
        var object: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    }

    struct UnexpectedStatus: Error, CustomStringConvertible {
        var status: Int
        var what: String
        var description: String { "\(what): HTTP \(status)" }
    }

    /// `http://127.0.0.1:PORT`.
    let base: String

    func request(_ method: HTTPMethod, _ path: String, token: String? = nil, body: String? = nil) async throws -> Reply {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        let bytes = try await response.body.collect(upTo: 1 << 22)
        return Reply(status: Int(response.status.code), body: Data(bytes.readableBytesView))
    }

    /// Logs in with the demo password; returns the bearer token.
    func login(_ username: String, password: String = DemoSite.password) async throws -> String {
        let reply = try await request(.POST, "/api/session", body: #"{"username":"\#(username)","password":"\#(password)"}"#)
        guard reply.status == 200, let token = reply.object?["token"] as? String else {
            throw UnexpectedStatus(status: reply.status, what: "login of \(username)")
        }
        return token
    }

    /// The supervisors' wallboard.
    func wallboard(token: String) async throws -> WallboardSnapshot {
        let reply = try await request(.GET, "/api/wallboard", token: token)
        guard reply.status == 200 else { throw UnexpectedStatus(status: reply.status, what: "GET /api/wallboard") }
        return try JSONDecoder().decode(WallboardSnapshot.self, from: reply.body)
    }

    /// An agent action over REST; returns the reply's JSON.
    func act(_ json: String, token: String) async throws -> Reply {
        try await request(.POST, "/api/actions", token: token, body: json)
    }

    /// Opens the agent WebSocket with `token` and runs `body` with it.
    func agentSocket(token: String, _ body: @escaping @Sendable (AgentSocket) async throws -> Void) async throws {
        let url = base.replacingOccurrences(of: "http://", with: "ws://") + "/ws/agent?token=\(token)"
        var logger = Logger(label: "e2e.ws")
        logger.logLevel = .critical
        _ = try await WebSocketClient.connect(url: url, configuration: .init(), logger: logger) { inbound, outbound, _ in
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
                try await body(AgentSocket(inbox: inbox, outbound: outbound))
                group.cancelAll()
            }
        }
    }
}

/// An agent's WebSocket as the desktop page sees it.
struct AgentSocket: Sendable {
    let inbox: FrameInbox
    let outbound: WebSocketOutboundWriter

    /// Sends `action` as the desktop does (an `action` frame with a request id) and returns the
    /// server's reply to it; frames read before the reply go to `seen`, in order.
    func act(_ action: CTIAgentAction, id: String = UUID().uuidString, seen: (CTIServerFrame) -> Void = { _ in }) async throws -> CTIActionReply {
        try await outbound.write(.text(CTIClientMessage.action(id: id, action).encoded()))
        return try await first { frame in
            if case .reply(let reply) = frame, reply.id == id { return reply }
            seen(frame)
            return nil
        }
    }

    /// Reads frames until one matches, or fails after `timeout` (or when the socket closes).
    func first<T>(timeout: Duration = .seconds(25), _ match: (CTIServerFrame) -> T?) async throws -> T {
        let deadline = ContinuousClock.now + timeout
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero, let text = try await inbox.next(timeout: left) else { throw FrameInbox.Timeout() }
            if let found = match(try CTIServerFrame.decode(text)) { return found }
        }
    }

    /// The welcome frame (the first one after authentication).
    func welcome() async throws -> CTIWelcome {
        try await first { if case .welcome(let welcome) = $0 { welcome } else { nil } }
    }

    /// The next pop of this kind about `callID`.
    func pop(_ type: String, call callID: String) async throws -> CTIScreenPopMessage {
        try await first { frame in
            if case .pop(_, let message) = frame, message.type == type, message.callID == callID { message } else { nil }
        }
    }
}
