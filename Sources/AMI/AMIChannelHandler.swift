import Logging
import NIOCore
import NIOSSL

/// An action on its way to Asterisk, with the promise its answer completes.
struct AMIRequest: Sendable {
    var action: AMIAction
    var timeout: TimeAmount
    var promise: EventLoopPromise<AMIActionResult>
}

/// Carries out what ``AMIConnectionStateMachine`` decides on one NIO channel: writes messages,
/// completes promises, runs action timers on the event loop, and hands events to the sink.
final class AMIChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = AMIFrame
    typealias OutboundIn = AMIRequest
    typealias OutboundOut = AMIMessage

    private var stateMachine: AMIConnectionStateMachine
    private var promises: [String: (promise: EventLoopPromise<AMIActionResult>, timer: Scheduled<Void>?)] = [:]
    private let loginPromise: EventLoopPromise<String>
    private let sink: @Sendable (AMIClientEvent) -> Void
    private let counters: AMIClientCounters
    private let reconnect: Bool
    private let logger: Logger
    private let idPrefix: String
    private var nextID = 0
    private var closeReason: AMIError?

    init(
        credentials: AMICredentials, loginPromise: EventLoopPromise<String>, reconnect: Bool,
        idPrefix: String, counters: AMIClientCounters, logger: Logger,
        sink: @escaping @Sendable (AMIClientEvent) -> Void
    ) {
        self.stateMachine = AMIConnectionStateMachine(credentials: credentials)
        self.loginPromise = loginPromise
        self.reconnect = reconnect
        self.idPrefix = idPrefix
        self.counters = counters
        self.logger = logger
        self.sink = sink
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        run(stateMachine.frameReceived(frame), context: context)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        nextID += 1
        let actionID = "\(idPrefix)-\(nextID)"
        let message: AMIMessage
        do {
            message = try request.action.message(actionID: actionID)
        } catch {
            request.promise.fail(error)
            promise?.fail(error)
            return
        }
        if case .fail(_, let error) = stateMachine.actionSent(actionID: actionID, kind: request.action.kind) {
            request.promise.fail(error)
            promise?.fail(error)
            return
        }
        let timer = context.eventLoop.assumeIsolated().scheduleTask(in: request.timeout) { [weak self] in
            guard let self else { return }
            self.run(self.stateMachine.timedOut(actionID: actionID), context: nil)
        }
        promises[actionID] = (request.promise, timer)
        context.write(wrapOutboundOut(message), promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let reason = closeReason ?? AMIError(.connectionClosed, "the AMI connection closed")
        for id in stateMachine.connectionClosed() {
            complete(id) { $0.fail(AMIError(.connectionClosed, "the connection closed before action \(id) was answered")) }
        }
        loginPromise.fail(reason)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.warning("AMI connection error", metadata: ["ami.error": "\(error)"])
        closeReason = closeReason ?? Self.closeReason(for: error)
        context.close(promise: nil)
    }

    /// TLS failures are fatal (retrying meets the same certificate); anything else is a dropped connection.
    static func closeReason(for error: any Error) -> AMIError {
        switch error {
        case NIOSSLError.uncleanShutdown:
            return AMIError(.connectionClosed, "the server closed the TLS connection without notice")
        case let error as NIOSSLError:
            return AMIError(.tlsFailed, "TLS handshake failed: \(error)")
        case let error as NIOSSLExtraError:
            return AMIError(.tlsFailed, "TLS certificate refused: \(error)")
        case let error as BoringSSLError:
            return AMIError(.tlsFailed, "TLS failed: \(error)")
        default:
            return AMIError(.connectionClosed, "connection error: \(error)")
        }
    }

    private func run(_ action: AMIConnectionStateMachine.Action, context: ChannelHandlerContext?) {
        switch action {
        case .none:
            break
        case .write(let message):
            context?.writeAndFlush(wrapOutboundOut(message), promise: nil)
        case .deliver(let event):
            counters.eventReceived()
            sink(.event(event))
        case .loggedIn(let version):
            logger.info("AMI logged in", metadata: ["ami.version": "\(version)"])
            sink(.connected(version: version, reconnect: reconnect))
            loginPromise.succeed(version)
        case .succeed(let id, let result):
            complete(id) { $0.succeed(result) }
        case .succeedAndDeliver(let id, let result, let event):
            counters.eventReceived()
            sink(.event(event))
            complete(id) { $0.succeed(result) }
        case .fail(let id, let error):
            complete(id) { $0.fail(error) }
        case .close(let error):
            logger.error("AMI connection refused", metadata: ["ami.error": "\(error.message)"])
            closeReason = error
            loginPromise.fail(error)
            context?.close(promise: nil)
        case .reportMalformed(let error):
            counters.malformedFrame()
            logger.warning("AMI malformed frame skipped", metadata: ["ami.frame": "\(error)"])
        case .reportUnsolicited(let message):
            counters.unsolicitedResponse()
            logger.debug("AMI response without a waiting action", metadata: ["ami.actionID": "\(message.actionID ?? "-")"])
        }
    }

    private func complete(_ id: String, _ body: (EventLoopPromise<AMIActionResult>) -> Void) {
        guard let entry = promises.removeValue(forKey: id) else { return }
        entry.timer?.cancel()
        body(entry.promise)
    }
}
