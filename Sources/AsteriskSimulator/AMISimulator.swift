import AMI
import CTICore
import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// A stand-in Asterisk that speaks AMI on loopback like Asterisk 22: greeting, plain and MD5
/// login (a refused login waits, answers `Authentication failed` and closes), event lists,
/// Originate, queue member actions, Hangup, and generated call traffic.
///
/// It can be stopped and started again on the same port, to test reconnects.
public final class AMISimulator: Service, Sendable {
    /// Listening and users.
    public let configuration: AMISimulatorConfiguration
    private let logger: Logger
    private let clock: @Sendable () -> Double
    private let state: Mutex<State>

    private struct State {
        var pbx: SimulatedPBX
        var random: SeededGenerator
        var server: (any Channel)?
        var boundPort: Int?
        var sessions: [ObjectIdentifier: SessionEntry] = [:]
    }

    private struct SessionEntry {
        var channel: any Channel
        var session: AMISimulatorSession
    }

    /// A simulator; `clock` gives epoch seconds (wall clock by default) for timestamps and traffic.
    public init(
        configuration: AMISimulatorConfiguration, pbx: SimulatedPBX? = nil, seed: UInt64 = 1,
        logger: Logger = Logger(label: "ctibridge.simulator.ami"),
        clock: @escaping @Sendable () -> Double = { AMISimulator.wallClock() }
    ) {
        self.configuration = configuration
        self.logger = logger
        self.clock = clock
        let now = clock()
        self.state = Mutex(State(pbx: pbx ?? .demo(bootTime: now - 873), random: SeededGenerator(seed: seed)))
    }

    /// Epoch seconds now.
    public static func wallClock() -> Double {
        Date().timeIntervalSince1970
    }

    /// The port it listens on, once started.
    public var port: Int? { state.withLock { $0.boundPort } }

    /// Logged-in sessions now.
    public var authenticatedSessions: Int { state.withLock { $0.sessions.values.filter { $0.session.isAuthenticated }.count } }

    /// A copy of the PBX state.
    public var pbx: SimulatedPBX { state.withLock { $0.pbx } }

    /// Binds and starts accepting connections; returns the port. Restarts on the last port when stopped.
    @discardableResult
    public func start() async throws -> Int {
        let port = state.withLock { $0.boundPort } ?? configuration.port
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [self] child in
                child.eventLoop.makeCompletedFuture {
                    let handler = AMISimulatorHandler(simulator: self)
                    try child.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(AMIFrameDecoder(expectGreeting: false)),
                        handler,
                    ])
                }
            }
            .bind(host: configuration.host, port: port).get()
        let bound = channel.localAddress?.port ?? port
        state.withLock {
            $0.server = channel
            $0.boundPort = bound
        }
        logger.info("AMI simulator listening", metadata: ["simulator.port": "\(bound)"])
        return bound
    }

    /// Stops listening and drops every connection (like Asterisk stopping). `start()` brings it back.
    public func stop() async throws {
        let (server, sessions) = state.withLock { state -> ((any Channel)?, [any Channel]) in
            defer {
                state.server = nil
                state.sessions.removeAll()
            }
            return (state.server, state.sessions.values.map(\.channel))
        }
        for session in sessions { session.close(promise: nil) }
        try await server?.close()
    }

    /// Drops every client connection but keeps listening.
    public func dropAllConnections() {
        let sessions = state.withLock { $0.sessions.values.map(\.channel) }
        for session in sessions { session.close(promise: nil) }
    }

    /// Serves until graceful shutdown or cancellation.
    public func run() async throws {
        if state.withLock({ $0.server == nil }) { try await start() }
        try? await gracefulShutdown()
        try await stop()
    }

    /// Changes the PBX and sends the events the change returns to every session that wants them.
    @discardableResult
    public func perform(_ change: (inout SimulatedPBX, Double) -> [AMIMessage]) -> [AMIMessage] {
        let now = clock()
        let events = state.withLock { change(&$0.pbx, now) }
        broadcast(events)
        return events
    }

    /// Generates calls with `profile` until cancelled, stepping every `tick`.
    public func runTraffic(profile: TrafficProfile, seed: UInt64, tick: Duration = .milliseconds(20)) async throws {
        var generator = TrafficGenerator(profile: profile, seed: seed, startTime: clock())
        while !Task.isCancelled {
            try await Task.sleep(for: tick)
            perform { pbx, now in generator.advance(to: now, pbx: &pbx) }
        }
    }

    /// Sends events to every logged-in session whose event mask accepts them.
    public func broadcast(_ events: [AMIMessage]) {
        guard !events.isEmpty else { return }
        let sessions = state.withLock { Array($0.sessions.values) }
        for entry in sessions {
            var buffer = entry.channel.allocator.buffer(capacity: 512 * events.count)
            for event in events where entry.session.accepts(event) { AMIMessageEncoder.write(event, into: &buffer) }
            if buffer.readableBytes > 0 { entry.channel.writeAndFlush(buffer, promise: nil) }
        }
    }

    // MARK: Sessions

    func sessionOpened(_ channel: any Channel) {
        state.withLock { $0.sessions[ObjectIdentifier(channel)] = SessionEntry(channel: channel, session: AMISimulatorSession()) }
    }

    func sessionClosed(_ channel: any Channel) {
        _ = state.withLock { $0.sessions.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Answers one action from `channel`'s session.
    func handle(_ action: AMIMessage, from channel: any Channel) -> [AMIResponderOutput] {
        let now = clock()
        let responder = AMIActionResponder(users: configuration.users, now: now)
        return state.withLock { state in
            let key = ObjectIdentifier(channel)
            var session = state.sessions[key]?.session ?? AMISimulatorSession()
            let outputs = responder.respond(to: action, session: &session, pbx: &state.pbx, random: &state.random)
            state.sessions[key]?.session = session
            return outputs
        }
    }
}

/// One AMI connection: greets, reads actions, writes what the responder says.
final class AMISimulatorHandler: ChannelInboundHandler {
    typealias InboundIn = AMIFrame
    typealias OutboundOut = ByteBuffer

    private let simulator: AMISimulator

    init(simulator: AMISimulator) { self.simulator = simulator }

    func channelActive(context: ChannelHandlerContext) {
        simulator.sessionOpened(context.channel)
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "Asterisk Call Manager/11.0.0\r\n")), promise: nil)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        simulator.sessionClosed(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .message(let action) = unwrapInboundIn(data) else { return }
        var broadcasts: [AMIMessage] = []
        var buffer = context.channel.allocator.buffer(capacity: 256)
        for output in simulator.handle(action, from: context.channel) {
            switch output {
            case .reply(let message):
                AMIMessageEncoder.write(message, into: &buffer)
            case .broadcast(let event):
                broadcasts.append(event)
            case .refuseLogin(let message):
                let channel = context.channel
                var refusal = channel.allocator.buffer(capacity: 128)
                AMIMessageEncoder.write(message, into: &refusal)
                let refusalBytes = refusal
                let delay = simulator.configuration.failedLoginDelay
                context.eventLoop.scheduleTask(in: .nanoseconds(delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000)) {
                    channel.writeAndFlush(refusalBytes).whenComplete { _ in channel.close(promise: nil) }
                }
                return
            case .close:
                let channel = context.channel
                context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in channel.close(promise: nil) }
                return
            }
        }
        if buffer.readableBytes > 0 { context.writeAndFlush(wrapOutboundOut(buffer), promise: nil) }
        simulator.broadcast(broadcasts)
    }
}
