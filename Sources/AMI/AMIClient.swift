import CTICore
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import ServiceLifecycle
import Synchronization

/// A long-lived connection to Asterisk's Manager Interface, run as a ServiceLifecycle `Service`.
///
/// `run()` connects, logs in (plain or MD5), pings, resyncs after every login and reconnects with
/// jittered backoff until shutdown. A failed login ends `run()` with
/// ``AMIError/Code/authenticationFailed`` and is not retried. Actions are correlated by ActionID,
/// each with a timeout, and all fail at once when the connection drops, so none waits forever.
/// Events reach each ``subscribe(capacity:)`` subscriber through its own bounded buffer.
public final class AMIClient: Service, Sendable {
    /// Where and how to connect.
    public let configuration: AMIClientConfiguration
    private let group: any EventLoopGroup
    private let logger: Logger
    private let clock: any Clock<Duration>
    private let counters = AMIClientCounters()
    private let subscribers = EventFanOut<AMIClientEvent>()
    private let state: Mutex<State>

    private struct State {
        var channel: (any Channel)?
        var nextConnection = 0
        var random: SeededGenerator
    }

    /// A client; `clock` times keepalives and reconnect delays, `randomSeed` fixes the jitter.
    public init(
        configuration: AMIClientConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "ctibridge.ami"),
        clock: any Clock<Duration> = ContinuousClock(),
        randomSeed: UInt64 = UInt64.random(in: .min ... .max)
    ) {
        self.configuration = configuration
        self.group = eventLoopGroup
        var logger = logger
        logger[metadataKey: "ami.server"] = "\(configuration.host):\(configuration.port)"
        self.logger = logger
        self.clock = clock
        self.state = Mutex(State(random: SeededGenerator(seed: randomSeed)))
    }

    /// Counters for monitoring.
    public var statistics: AMIClientStatistics { counters.snapshot }

    /// Whether a logged-in connection is up.
    public var isConnected: Bool { state.withLock { $0.channel != nil } }

    // MARK: Events

    /// A new stream of client events; when it holds `capacity` unread events the oldest are dropped
    /// and reported as ``AMIClientEvent/eventsDropped(count:)``.
    public func subscribe(capacity: Int = 10_000) -> AMIEventSubscription {
        subscribers.subscribe(capacity: capacity)
    }

    private func publish(_ event: AMIClientEvent) {
        let drops = subscribers.publish(event)
        if drops > 0 { counters.eventsDropped(drops) }
    }

    // MARK: Actions

    /// Sends an action and returns its response; an `Error` response throws ``AMIError/Code/actionFailed``.
    public func send(_ action: AMIAction, timeout: Duration? = nil) async throws -> AMIMessage {
        var action = action
        action.kind = .single
        guard case .response(let message) = try await perform(action, timeout: timeout ?? configuration.actionTimeout) else {
            throw AMIError(.actionFailed, "unexpected result for \(action.name)")
        }
        return message
    }

    /// Sends an event-list action (CoreShowChannels, QueueStatus, QueueSummary, Status, …) and
    /// returns all its items at once.
    public func list(_ action: AMIAction, timeout: Duration? = nil) async throws -> AMIEventList {
        var action = action
        action.kind = .eventList
        guard case .eventList(let list) = try await perform(action, timeout: timeout ?? configuration.listTimeout) else {
            throw AMIError(.actionFailed, "unexpected result for \(action.name)")
        }
        return list
    }

    /// Runs a CLI command and returns its output lines.
    public func command(_ command: String, timeout: Duration? = nil) async throws -> [String] {
        try await send(.command(command), timeout: timeout).values("Output")
    }

    /// Places an async Originate and waits for its `OriginateResponse` (ring timeout plus margin).
    public func originate(_ originate: AMIOriginate) async throws -> AMIOriginateResult {
        let timeout = originate.timeout + configuration.actionTimeout
        guard case .originate(_, let outcome) = try await perform(originate.action, timeout: timeout) else {
            throw AMIError(.actionFailed, "unexpected result for Originate")
        }
        return AMIOriginateResult(event: outcome)
    }

    /// Sends any action and returns what completed it.
    public func perform(_ action: AMIAction, timeout: Duration) async throws -> AMIActionResult {
        guard let channel = state.withLock({ $0.channel }) else {
            throw AMIError(.notConnected, "no logged-in AMI connection for action \(action.name)")
        }
        let promise = channel.eventLoop.makePromise(of: AMIActionResult.self)
        let request = AMIRequest(action: action, timeout: .nanoseconds(timeout.nanoseconds), promise: promise)
        channel.writeAndFlush(request).whenFailure { error in
            promise.fail(error as? AMIError ?? AMIError(.connectionClosed, "could not send \(action.name): \(error)"))
        }
        return try await promise.futureResult.get()
    }

    // MARK: Connection loop

    /// Connects and stays connected until cancelled or graceful shutdown.
    public func run() async throws {
        defer { subscribers.finish() }
        do {
            try await cancelWhenGracefulShutdown { try await self.connectLoop() }
        } catch is CancellationError {
            return
        }
    }

    private func connectLoop() async throws {
        let tlsContext: NIOSSLContext?
        do {
            tlsContext = try configuration.tls?.makeContext()
        } catch let error as AMIError {
            publish(.disconnected(error))
            throw error
        }
        var attempt = 0
        var everLoggedIn = false
        while !Task.isCancelled {
            do {
                try await runConnection(reconnect: everLoggedIn, tlsContext: tlsContext) {
                    everLoggedIn = true
                    attempt = 0
                }
            } catch let error as AMIError where error.isFatal {
                publish(.disconnected(error))
                throw error
            } catch let error as AMIError {
                publish(.disconnected(error))
            } catch {
                publish(.disconnected(AMIError(.connectionClosed, "\(error)")))
            }
            guard !Task.isCancelled else { return }
            let delay = state.withLock { configuration.backoff.delay(attempt: attempt, using: &$0.random) }
            attempt += 1
            logger.info("AMI reconnecting", metadata: ["ami.delay": "\(delay)", "ami.attempt": "\(attempt)"])
            try await clock.sleep(for: delay)
        }
    }

    private func runConnection(reconnect: Bool, tlsContext: NIOSSLContext?, loggedIn: () -> Void) async throws {
        let connection = state.withLock { state -> Int in
            state.nextConnection += 1
            return state.nextConnection
        }
        let eventLoop = group.any()
        let loginPromise = eventLoop.makePromise(of: String.self)
        let channel: any Channel
        do {
            channel = try await makeBootstrap(
                loginPromise: loginPromise, reconnect: reconnect, connection: connection, tlsContext: tlsContext)
                .connect(host: configuration.host, port: configuration.port).get()
        } catch {
            let failure = AMIError(.connectionClosed, "cannot connect to \(configuration.host):\(configuration.port): \(error)")
            loginPromise.fail(failure)
            throw failure
        }
        let loginTimer = channel.eventLoop.scheduleTask(in: .nanoseconds(configuration.loginTimeout.nanoseconds)) {
            loginPromise.fail(AMIError(.timeout, "no login answer within \(self.configuration.loginTimeout)"))
            channel.close(promise: nil)
        }
        defer { loginTimer.cancel() }

        try await withTaskCancellationHandler {
            do {
                _ = try await loginPromise.futureResult.get()
            } catch {
                channel.close(promise: nil)
                throw error
            }
            loginTimer.cancel()
            state.withLock { $0.channel = channel }
            counters.connected(reconnect: reconnect)
            loggedIn()
            defer {
                state.withLock { if $0.channel === channel { $0.channel = nil } }
                counters.disconnected()
            }
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        try await self.resync(afterReconnect: reconnect)
                        try await self.keepalive()
                    } catch is CancellationError {
                    } catch {
                        self.logger.warning("AMI connection considered dead", metadata: ["ami.error": "\(error)"])
                        channel.close(promise: nil)
                    }
                }
                group.addTask { try? await channel.closeFuture.get() }
                _ = await group.next()
                try? await channel.closeFuture.get()
                group.cancelAll()
            }
            throw AMIError(.connectionClosed, "the AMI connection closed")
        } onCancel: {
            self.logoffAndClose(channel)
        }
    }

    private func makeBootstrap(
        loginPromise: EventLoopPromise<String>, reconnect: Bool, connection: Int, tlsContext: NIOSSLContext?
    ) -> ClientBootstrap {
        let credentials = configuration.credentials
        let serverName = configuration.tls?.hostnameToVerify(host: configuration.host)
        let limits = configuration.frameLimits
        let counters = self.counters
        let logger = self.logger
        return ClientBootstrap(group: loginPromise.futureResult.eventLoop)
            .connectTimeout(.nanoseconds(configuration.connectTimeout.nanoseconds))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = AMIChannelHandler(
                        credentials: credentials, loginPromise: loginPromise, reconnect: reconnect,
                        idPrefix: "ctib\(connection)", counters: counters, logger: logger
                    ) { event in
                        // The channel is usable before subscribers hear `.connected`, so an action
                        // sent in reaction to it does not fail with notConnected.
                        if case .connected = event { self.state.withLock { $0.channel = channel } }
                        self.publish(event)
                    }
                    if let tlsContext {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tlsContext, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(AMIFrameDecoder(expectGreeting: true, limits: limits)),
                        MessageToByteHandler(AMIMessageEncoder()),
                        handler,
                    ])
                }
            }
    }

    private func resync(afterReconnect: Bool) async throws {
        let channels = try await list(.coreShowChannels).items
        let queues = configuration.resyncQueues ? try await list(.queueStatus()).items : []
        publish(.resynced(AMISnapshot(channels: channels, queueStatus: queues, afterReconnect: afterReconnect)))
    }

    private func keepalive() async throws {
        while true {
            try await clock.sleep(for: configuration.pingInterval)
            _ = try await send(.ping, timeout: configuration.pingTimeout)
        }
    }

    private func logoffAndClose(_ channel: any Channel) {
        let promise = channel.eventLoop.makePromise(of: AMIActionResult.self)
        let request = AMIRequest(action: .logoff, timeout: .seconds(2), promise: promise)
        channel.writeAndFlush(request).whenFailure { promise.fail($0) }
        promise.futureResult.whenComplete { _ in channel.close(promise: nil) }
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let parts = components
        return parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
    }
}
