import AMI
import CTICore
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import ServiceLifecycle
import Synchronization

/// A stand-in Asterisk 22 speaking AMI on loopback: greeting, plain and MD5 login (a refused
/// login waits, answers `Authentication failed` and closes), event lists, Originate, queue member
/// actions, Hangup, variables, Command, MixMonitor, and generated queue-call traffic.
///
/// Its state is a ``SimulatedPBX`` behind a lock; a timer on a thread of its own runs due call steps.
/// It can be stopped and started again on the same port to test reconnects, and runs as a
/// ServiceLifecycle `Service`.
public final class AMISimulator: Service, Sendable {
    /// Listening, users, timers.
    public let configuration: AMISimulatorConfiguration
    /// Where wall time comes from.
    public let clock: SimulationClock
    let logger: Logger
    private let group: any EventLoopGroup
    let state: Mutex<State>

    struct State {
        var pbx: SimulatedPBX
        /// For MD5 challenges.
        var random: SeededGenerator
        var listener: (any Channel)?
        var boundPort: Int?
        var ticker: RepeatedTask?
        var sessions: [Int: SessionLink] = [:]
        var authenticated: Set<Int> = []
        var nextSessionID = 0
    }

    /// A connection's handler, reachable from any thread through its event loop.
    struct SessionLink: Sendable {
        let channel: any Channel
        let handler: NIOLoopBound<AMISessionHandler>
    }

    /// A simulator of `pbx` (the captured site by default); `seed` fixes its random choices.
    public init(
        configuration: AMISimulatorConfiguration, pbx: SimulatedPBX? = nil, seed: UInt64 = 1,
        clock: SimulationClock = .system(), eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "ctibridge.simulator.ami")
    ) {
        self.configuration = configuration
        self.clock = clock
        self.group = eventLoopGroup
        self.logger = logger
        let now = clock.now()
        var pbx = pbx ?? .demo(bootTime: now - .seconds(873), seed: seed)
        pbx.setTime(now)
        if let monitor = configuration.monitorDirectory {
            pbx.settings.monitorDirectory = monitor.path
            try? FileManager.default.createDirectory(at: monitor, withIntermediateDirectories: true)
        }
        self.state = Mutex(State(pbx: pbx, random: SeededGenerator(seed: seed ^ 0x5EED)))
    }

    /// The bound port, once started (kept across `stop()` for the next `start()`).
    public var port: Int? { state.withLock { $0.boundPort } }

    /// Whether it is listening.
    public var isListening: Bool { state.withLock { $0.listener != nil } }

    /// Open connections.
    public var connectionCount: Int { state.withLock { $0.sessions.count } }

    /// Logged-in connections.
    public var authenticatedSessions: Int { state.withLock { $0.authenticated.count } }

    /// A copy of the PBX state now.
    public var pbx: SimulatedPBX { state.withLock { $0.pbx } }

    // MARK: Lifecycle

    /// Binds (the configured port, or the last bound one after a stop) and accepts connections;
    /// returns the port. Does nothing but return the port when already listening.
    @discardableResult
    public func start() async throws -> Int {
        if let port = state.withLock({ $0.listener == nil ? nil : $0.boundPort }) { return port }
        let port = state.withLock { $0.boundPort } ?? configuration.port
        let limits = AMIFrameDecoder.Limits(
            maxLineLength: configuration.maxLineLength, maxMessageBytes: configuration.maxLineLength * configuration.maxLines,
            maxHeaders: configuration.maxLines)
        let tlsContext = try configuration.tls?.makeContext()
        let listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] child in
                child.eventLoop.makeCompletedFuture {
                    if let tlsContext {
                        try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tlsContext))
                    }
                    try child.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(AMIFrameDecoder(expectGreeting: false, limits: limits)),
                        AMISessionHandler(simulator: self),
                    ])
                }
            }
            .bind(host: configuration.host, port: port).get()
        let bound = listener.localAddress?.port ?? port
        let tick = TimeAmount.nanoseconds(Int64(configuration.tick.wholeMicroseconds) * 1000)
        let duplicate = state.withLock { state -> Bool in
            guard state.listener == nil else { return true }
            state.listener = listener
            state.boundPort = bound
            state.ticker = SimulatorTicker.loop.scheduleRepeatedTask(initialDelay: tick, delay: tick) { [self] _ in runDueSteps() }
            return false
        }
        if duplicate {
            try await listener.close()
        } else {
            logger.info("AMI simulator listening", metadata: ["simulator.port": "\(bound)"])
        }
        return bound
    }

    /// Stops listening and closes every connection, like Asterisk stopping; the PBX keeps its
    /// state and `start()` brings it back on the same port.
    public func stop() async throws {
        let (listener, sessions, ticker) = state.withLock { state in
            defer {
                state.listener = nil
                state.ticker = nil
                state.sessions.removeAll()
                state.authenticated.removeAll()
            }
            return (state.listener, Array(state.sessions.values), state.ticker)
        }
        ticker?.cancel()
        for session in sessions { session.channel.close(promise: nil) }
        for session in sessions { try? await session.channel.closeFuture.get() }
        try await listener?.close()
        if listener != nil { logger.info("AMI simulator stopped") }
    }

    /// Stops and starts again on the same port; returns it.
    @discardableResult
    public func restart() async throws -> Int {
        try await stop()
        return try await start()
    }

    /// Closes every client connection but keeps listening.
    public func dropAllConnections() {
        let sessions = state.withLock { Array($0.sessions.values) }
        for session in sessions { session.channel.close(promise: nil) }
    }

    /// Listens until graceful shutdown or cancellation, then stops.
    public func run() async throws {
        try await start()
        try? await gracefulShutdown()
        try await stop()
    }

    // MARK: Changing the PBX

    /// Changes the PBX at the current time; the events it raises go to every session that wants them.
    @discardableResult
    public func perform<T: Sendable>(_ change: (inout SimulatedPBX, WallTime) -> T) -> T {
        let now = clock.now()
        let (result, recordings) = state.withLock { state in
            state.pbx.advance(to: now)
            let result = change(&state.pbx, now)
            state.pbx.advance(to: now)
            Self.broadcast(state.pbx.drainEvents(), to: state.sessions)
            return (result, state.pbx.drainRecordings())
        }
        writeRecordings(recordings)
        return result
    }

    /// Sends events as they are to every logged-in session whose permissions and mask accept them.
    public func broadcast(_ events: [AMIMessage]) {
        state.withLock { Self.broadcast(events, to: $0.sessions) }
    }

    /// Runs the call steps that are due (driven by the repeated timer).
    func runDueSteps() {
        perform { _, _ in () }
    }

    /// Queues `events` to each session on its own event loop. Called under the lock, so every
    /// session sees events in the order the PBX raised them.
    static func broadcast(_ events: [AMIMessage], to sessions: [Int: SessionLink]) {
        guard !events.isEmpty else { return }
        for link in sessions.values {
            let handler = link.handler
            link.channel.eventLoop.execute { handler.value.deliver(events) }
        }
    }
}
