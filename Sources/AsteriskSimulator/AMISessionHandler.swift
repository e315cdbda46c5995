import AMI
import Logging
import NIOCore

/// One AMI connection to the simulator: greets, reads actions, writes the replies, and writes
/// the async events the session's permissions and mask accept. Lives on its channel's event loop.
final class AMISessionHandler: ChannelInboundHandler {
    typealias InboundIn = AMIFrame
    typealias OutboundOut = ByteBuffer

    static let greeting = "Asterisk Call Manager/11.0.0\r\n"

    private let simulator: AMISimulator
    private var session = AMISimulatorSession()
    private var sessionID: Int?
    private var context: ChannelHandlerContext?
    /// Set once the connection is on its way out (Logoff, refused login): nothing more is read or sent.
    private var closing = false
    private var stallTimer: Scheduled<Void>?

    init(simulator: AMISimulator) {
        self.simulator = simulator
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    func channelActive(context: ChannelHandlerContext) {
        let link = AMISimulator.SessionLink(channel: context.channel, handler: NIOLoopBound(self, eventLoop: context.eventLoop))
        sessionID = simulator.register(link)
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: Self.greeting)), promise: nil)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let sessionID { simulator.unregister(sessionID) }
        stallTimer?.cancel()
        stallTimer = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        switch unwrapInboundIn(data) {
        case .greeting:
            return
        case .malformed(let error):
            // Asterisk answers a request it cannot read without an ActionID and goes on.
            let text: String
            switch error.code {
            case .lineTooLong: text = "Failed to parse message: line too long"
            case .tooManyHeaders, .messageTooLarge: text = "Too many lines in message or allocation failure"
            default: text = "Missing action in request"
            }
            write([AMIResponses.error(text)], context: context)
        case .message(let action):
            let outcome = simulator.handle(action, session: &session, id: sessionID)
            switch outcome.after {
            case .keepOpen:
                write(outcome.replies, context: context)
            case .close:
                closing = true
                let channel = context.channel
                context.writeAndFlush(wrapOutboundOut(encode(outcome.replies, context: context))).whenComplete { _ in channel.close(promise: nil) }
            case .refuseLogin:
                closing = true
                let replies = encode(outcome.replies, context: context)
                let delay = TimeAmount.nanoseconds(simulator.configuration.failedLoginDelay.wholeMicroseconds * 1000)
                context.eventLoop.assumeIsolated().scheduleTask(in: delay) { [self] in
                    guard let context = self.context else { return }
                    let channel = context.channel
                    context.writeAndFlush(wrapOutboundOut(replies)).whenComplete { _ in channel.close(promise: nil) }
                }
            }
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            stallTimer?.cancel()
            stallTimer = nil
        }
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        simulator.logger.debug("AMI simulator connection error", metadata: ["simulator.error": "\(error)"])
        context.close(promise: nil)
    }

    /// Writes the events this session accepts (on the event loop, in the PBX's order).
    func deliver(_ events: [AMIMessage]) {
        guard let context, !closing, session.isAuthenticated else { return }
        var buffer = context.channel.allocator.buffer(capacity: 0)
        for event in events where session.accepts(event) { AMIMessageEncoder.write(event, into: &buffer) }
        guard buffer.readableBytes > 0 else { return }
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        watchForStall(context)
    }

    private func write(_ messages: [AMIMessage], context: ChannelHandlerContext) {
        guard !messages.isEmpty else { return }
        context.writeAndFlush(wrapOutboundOut(encode(messages, context: context)), promise: nil)
    }

    private func encode(_ messages: [AMIMessage], context: ChannelHandlerContext) -> ByteBuffer {
        var buffer = context.channel.allocator.buffer(capacity: 256 * messages.count)
        for message in messages { AMIMessageEncoder.write(message, into: &buffer) }
        return buffer
    }

    /// A reader that stops reading is dropped after the write timeout, as Asterisk drops a session
    /// whose writes time out, rather than buffering without bound.
    private func watchForStall(_ context: ChannelHandlerContext) {
        guard !context.channel.isWritable, stallTimer == nil else { return }
        let timeout = TimeAmount.nanoseconds(simulator.configuration.writeTimeout.wholeMicroseconds * 1000)
        stallTimer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            stallTimer = nil
            guard let context = self.context, !context.channel.isWritable else { return }
            simulator.logger.warning("AMI simulator dropping a session that stopped reading")
            context.close(promise: nil)
        }
    }
}
