import CTICore
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOWebSocket
import Synchronization

/// Which feed a socket asked for.
enum CTIFeed: Sendable {
    case agent
    case supervisor
}

/// Runs one WebSocket from authentication to close: a writer draining the hub's queue for it,
/// and a reader handling acks, resumes and actions.
struct CTISocketSession: Sendable {
    let feed: CTIFeed
    let hub: CTIHub
    let dependencies: CTIServerDependencies
    let configuration: CTIServerConfiguration
    let logger: Logger

    func run(queryToken: String?, queryLastSeq: UInt64?, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let phase = CTISocketPhase()
        logger.trace("socket session started", metadata: ["cti.feed": "\(feed)", "cti.tokenInURL": "\(queryToken != nil)"])
        let (attachments, attachContinuation) = AsyncStream.makeStream(of: AsyncStream<CTIOutbound>.self)
        defer { attachContinuation.finish() }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                // Reader: authenticates (token in the URL or the first frame), then handles messages.
                group.addTask {
                    var reader: CTISocketReader?
                    if let queryToken {
                        reader = try await attach(token: queryToken, lastSeq: queryLastSeq, phase: phase, outbound: outbound, attachContinuation)
                        if reader == nil { return }
                    }
                    for try await message in inbound.messages(maxSize: configuration.maxFrameSize) {
                        if let reader {
                            await reader.handle(message)
                            continue
                        }
                        guard case .text(let text) = message, case .auth(let token, let lastSeq)? = try? CTIClientMessage.parse(text) else {
                            guard phase.claimRefusal() else { try await Self.awaitOtherRefusal() }
                            try await refuse(CTIProtocolError(.unauthorized, "the first frame must be auth"), outbound)
                            return
                        }
                        reader = try await attach(token: token, lastSeq: lastSeq, phase: phase, outbound: outbound, attachContinuation)
                        if reader == nil { return }
                    }
                }
                // Writer: drains the hub's queue for this socket.
                group.addTask {
                    var iterator = attachments.makeAsyncIterator()
                    guard let frames = await iterator.next() else { return }
                    var closed = false
                    var written = 0
                    for await frame in frames {
                        switch frame {
                        case .text(let text):
                            try await outbound.write(.text(text))
                            written += 1
                            if written == 1 { logger.trace("socket's first frame written") }
                        case .close(let code, let reason):
                            closed = true
                            // The error frame queued before it is already written: frames go out in
                            // order and a client reads them in order (RFC 6455 §5.4), so no pause.
                            try await outbound.close(WebSocketErrorCode(codeNumber: Int(code)), reason: reason)
                        }
                        if closed { break }
                    }
                    if !closed && !Task.isCancelled {
                        try await outbound.close(WebSocketErrorCode(codeNumber: 1013), reason: "send queue overflow")
                    }
                }
                // Auth timer: a socket that does not authenticate in time is closed.
                group.addTask {
                    try await Task.sleep(for: configuration.authTimeout)
                    if phase.claimRefusal() {
                        try await refuse(CTIProtocolError(.unauthorized, "no auth frame in time"), outbound)
                        return
                    }
                    while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            await detach(phase)
            throw error
        }
        await detach(phase)
    }

    /// Authenticates and registers with the hub; nil (after refusing the socket) when not allowed.
    private func attach(
        token: String, lastSeq: UInt64?, phase: CTISocketPhase, outbound: WebSocketOutboundWriter,
        _ attachments: AsyncStream<AsyncStream<CTIOutbound>>.Continuation
    ) async throws -> CTISocketReader? {
        let refusal: CTIProtocolError?
        let principal = await dependencies.authenticator.authenticate(token: token)
        switch (feed, principal) {
        case (_, nil): refusal = CTIProtocolError(.unauthorized, "invalid or expired token")
        case (.agent, let principal?) where principal.agentID == nil: refusal = CTIProtocolError(.forbidden, "this user is not an agent")
        case (.supervisor, let principal?) where !principal.role.canWatchWallboard:
            refusal = CTIProtocolError(.forbidden, "the wallboard feed is for supervisors")
        default: refusal = nil
        }
        guard let principal, refusal == nil else {
            guard phase.claimRefusal() else { try await Self.awaitOtherRefusal() }
            if let refusal { try await refuse(refusal, outbound) }
            return nil
        }
        let (id, frames): (CTIHub.SocketID, AsyncStream<CTIOutbound>)
        switch feed {
        case .agent: (id, frames) = await hub.attachAgent(principal: principal, agentID: principal.agentID ?? "", token: token, lastSeq: lastSeq)
        case .supervisor: (id, frames) = await hub.attachSupervisor(principal: principal, token: token)
        }
        guard phase.accept(id) else {
            // The auth timer refused the socket meanwhile.
            await hub.detach(id)
            try await Self.awaitOtherRefusal()
        }
        logger.debug("socket open", metadata: ["cti.socket": "\(id)", "cti.user": "\(principal.userID)"])
        attachments.yield(frames)
        return CTISocketReader(id: id, principal: principal, hub: hub, actions: dependencies.actions)
    }

    /// For the reader that lost the refusal to the auth timer: the session ends when the timer's
    /// refusal (error frame, grace, close) is done, so this task must not end it first (ending it
    /// cancels the refusal halfway, and the client gets a 1011 close instead, or no error frame).
    private static func awaitOtherRefusal() async throws -> Never {
        while true { try await Task.sleep(for: .seconds(3600)) }
    }

    private func detach(_ phase: CTISocketPhase) async {
        if let id = phase.attachedID {
            await hub.detach(id)
            logger.debug("socket closed", metadata: ["cti.socket": "\(id)"])
        }
    }

    private func refuse(_ error: CTIProtocolError, _ outbound: WebSocketOutboundWriter) async throws {
        logger.trace("refusing a socket", metadata: ["cti.error": "\(error.code.rawValue)"])
        // The close frame follows the error frame on the same connection, so a client reading
        // frames in order sees the error before its inbound stream ends (RFC 6455 §5.4, §7.1.1).
        try await outbound.write(.text(CTIServerFrame.error(error).encoded()))
        // A short grace before the close, for clients (browsers among them) that drop unread frames
        // once a close arrives; kept from before, as removing it made refusals flaky under load.
        try await Task.sleep(for: .milliseconds(200))
        try await outbound.close(WebSocketErrorCode(codeNumber: Int(error.closeCode ?? 1008)), reason: error.code.rawValue)
    }
}

/// Handles one socket's inbound messages; everything it answers goes through the hub's queue.
struct CTISocketReader: Sendable {
    let id: CTIHub.SocketID
    let principal: CTIPrincipal
    let hub: CTIHub
    let actions: any AgentActionHandler

    func handle(_ message: WebSocketMessage) async {
        guard case .text(let text) = message else {
            await hub.send(.error(CTIProtocolError(.malformedJSON, "binary frames are not accepted")), to: id)
            return
        }
        let parsed: CTIClientMessage
        do { parsed = try CTIClientMessage.parse(text) } catch {
            await hub.send(.error(error), to: id)
            return
        }
        switch parsed {
        case .auth:
            await hub.send(.error(CTIProtocolError(.invalidData, "already authenticated")), to: id)
        case .ping:
            break
        case .ack(let seq):
            guard let agentID = principal.agentID else { return }
            do {
                try await hub.acknowledge(seq, for: agentID)
                await hub.send(.ack(seq: seq), to: id)
            } catch { await hub.send(.error(error), to: id) }
        case .resume(let lastSeq):
            await hub.replay(to: id, after: lastSeq)
        case .action(let requestID, let action):
            guard principal.agentID != nil else {
                await hub.send(.error(CTIProtocolError(.forbidden, "actions are for agents")), to: id)
                return
            }
            var reply = await actions.perform(action, for: principal)
            reply.id = requestID
            await hub.send(.reply(reply), to: id)
        }
    }
}

/// Where a socket is in its life; guarded so the auth timer and the reader never both answer it.
final class CTISocketPhase: Sendable {
    enum Phase: Sendable {
        case waitingForAuth
        case attached(CTIHub.SocketID)
        case refused
    }

    private let state = Mutex(Phase.waitingForAuth)

    /// True for the one caller allowed to refuse a socket still waiting for auth.
    func claimRefusal() -> Bool {
        state.withLock { phase in
            guard case .waitingForAuth = phase else { return false }
            phase = .refused
            return true
        }
    }

    /// Marks the socket attached as `id`; false when it was refused meanwhile.
    func accept(_ id: CTIHub.SocketID) -> Bool {
        state.withLock { phase in
            guard case .waitingForAuth = phase else { return false }
            phase = .attached(id)
            return true
        }
    }

    var attachedID: CTIHub.SocketID? {
        state.withLock { phase in
            if case .attached(let id) = phase { return id }
            return nil
        }
    }
}
