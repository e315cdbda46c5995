import CTICore
import HTTPTypes
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization
import WSClient

/// The ARI events WebSocket for one Stasis application, run as a ServiceLifecycle `Service`.
///
/// `run()` connects to `…/ari/events?app=NAME&subscribeAll=false`, pings on an interval (a missing
/// pong closes the socket), and reconnects with jittered backoff until shutdown. After every
/// connect it resyncs: `GET /applications/{app}`, then each channel and bridge, delivered as
/// ``ARIClientEvent/resynced(_:)``, since Asterisk replays nothing. Bad credentials end `run()`
/// with ``ARIError/Code/unauthorized`` (never retried); an `ApplicationReplaced` event, meaning
/// another instance took the application name, ends it with ``ARIError/Code/applicationReplaced``.
public final class ARIEventsClient: Service, Sendable {
    /// Where, as whom, and for which application.
    public let configuration: ARIConfiguration
    /// The REST client used for resyncs (and free to share).
    public let rest: ARIRESTClient
    /// The loops given at init; nil: each ``run()`` has a one-thread loop of its own.
    private let group: (any EventLoopGroup)?
    private let logger: Logger
    private let clock: any Clock<Duration>
    private let counters = ARIEventsClientCounters()
    private let subscribers = EventFanOut<ARIClientEvent>()
    private let state: Mutex<State>

    private struct State {
        var random: SeededGenerator
    }

    /// The event types the client itself needs (`ApplicationReplaced` ends it): keep them in any
    /// ``ARIConfiguration/eventFilter``.
    public static let eventTypes: Set<String> = ["ApplicationReplaced"]

    /// A client; `clock` times reconnect delays, `randomSeed` fixes their jitter. Without an
    /// `eventLoopGroup`, each ``run()`` reads the socket on an event loop thread of its own, shut
    /// down when it returns, so Asterisk's events are not read behind the writes to thousands of
    /// agents' sockets on NIO's shared loops (in `cti-load` this lowered the offers' p99).
    public init(
        configuration: ARIConfiguration,
        rest: ARIRESTClient? = nil,
        eventLoopGroup: (any EventLoopGroup)? = nil,
        logger: Logger = Logger(label: "ctibridge.ari.events"),
        clock: any Clock<Duration> = ContinuousClock(),
        randomSeed: UInt64 = UInt64.random(in: .min ... .max)
    ) {
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "ari.app"] = "\(configuration.application)"
        self.rest = rest ?? ARIRESTClient(configuration: configuration, logger: logger)
        self.group = eventLoopGroup
        self.logger = logger
        self.clock = clock
        self.state = Mutex(State(random: SeededGenerator(seed: randomSeed)))
    }

    /// Counters for monitoring.
    public var statistics: ARIEventsClientStatistics { counters.snapshot }

    // MARK: Subscribers

    /// A new stream of client events; when it holds `capacity` unread events the oldest are
    /// dropped and reported as ``ARIClientEvent/eventsDropped(count:)``.
    public func subscribe(capacity: Int = 10_000) -> ARIEventSubscription {
        subscribers.subscribe(capacity: capacity)
    }

    private func publish(_ event: ARIClientEvent) {
        let drops = subscribers.publish(event)
        if drops > 0 { counters.eventsDropped(drops) }
    }

    // MARK: Connection loop

    /// Connects and stays connected until cancelled, graceful shutdown, or a fatal error.
    public func run() async throws {
        defer { subscribers.finish() }
        let own = group == nil ? MultiThreadedEventLoopGroup(numberOfThreads: 1) : nil
        let loops: any EventLoopGroup = group ?? own!
        var failure: (any Error)?
        do {
            try await cancelWhenGracefulShutdown { try await self.connectLoop(on: loops) }
        } catch is CancellationError {
        } catch let error as ARIError where error.code == .cancelled {
        } catch {
            failure = error
        }
        try? await own?.shutdownGracefully()
        if let failure { throw failure }
    }

    private func connectLoop(on loops: any EventLoopGroup) async throws {
        var attempt = 0
        var everConnected = false
        while !Task.isCancelled {
            let opened = LockedBox(false)
            do {
                try await runConnection(reconnect: everConnected, opened: opened, on: loops)
                throw ARIError(.transport, "the events socket closed")
            } catch let error as ARIError where Self.isFatal(error) {
                if opened.value { everConnected = true }
                publish(.disconnected(error))
                logger.error("ARI events client stopped", metadata: ["ari.error": "\(error)"])
                throw error
            } catch let error as ARIError {
                publish(.disconnected(error))
            } catch is CancellationError {
                return
            } catch {
                publish(.disconnected(ARIError(.transport, "\(error)")))
            }
            if opened.value {
                everConnected = true
                attempt = 0
            }
            guard !Task.isCancelled else { return }
            let delay = state.withLock { configuration.backoff.delay(attempt: attempt, using: &$0.random) }
            attempt += 1
            logger.info("ARI events reconnecting", metadata: ["ari.delay": "\(delay)", "ari.attempt": "\(attempt)"])
            try await clock.sleep(for: delay)
        }
    }

    private static func isFatal(_ error: ARIError) -> Bool {
        error.code == .unauthorized || error.code == .forbidden || error.code == .applicationReplaced || error.code == .cancelled
    }

    private func runConnection(reconnect: Bool, opened: LockedBox<Bool>, on loops: any EventLoopGroup) async throws {
        var headers = HTTPFields()
        if configuration.credentials.method == .basic {
            headers[.authorization] = configuration.credentials.basicAuthorization
        }
        let socketConfiguration = WebSocketClientConfiguration(
            maxFrameSize: configuration.maxFrameSize,
            additionalHeaders: headers,
            closeTimeout: .seconds(2),
            autoPing: .enabled(timePeriod: configuration.pingInterval)
        )
        let fatal = LockedBox<ARIError?>(nil)
        var socketLogger = logger
        socketLogger.logLevel = max(logger.logLevel, .info)
        let client = WebSocketClient(
            url: configuration.eventsURL, configuration: socketConfiguration, eventLoopGroup: loops, logger: socketLogger
        ) { inbound, _, _ in
            opened.value = true
            self.counters.connected(reconnect: reconnect)
            defer { self.counters.disconnected() }
            self.logger.info("ARI events socket connected", metadata: ["ari.reconnect": "\(reconnect)"])
            self.publish(.connected(reconnect: reconnect))
            try await self.serve(inbound: inbound, reconnect: reconnect, fatal: fatal)
        }
        do {
            try await client.run()
        } catch let error as WebSocketClientError where error == .webSocketUpgradeFailed {
            throw await diagnoseRefusedUpgrade()
        } catch let error as ARIError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if let fatal = fatal.value { throw fatal }
            throw ARIError(.transport, "events socket to \(configuration.baseURL): \(error)")
        }
        if let fatal = fatal.value { throw fatal }
    }

    /// Reads frames until the socket closes while the resync runs beside it.
    private func serve(inbound: WebSocketInboundStream, reconnect: Bool, fatal: LockedBox<ARIError?>) async throws {
        enum Outcome: Sendable { case readerDone, resynced, resyncFailed(ARIError) }
        let maxSize = configuration.maxFrameSize
        try await withThrowingTaskGroup(of: Outcome.self) { group in
            group.addTask {
                do {
                    self.publish(.resynced(try await self.resync(afterReconnect: reconnect)))
                    return .resynced
                } catch let error as ARIError {
                    return .resyncFailed(error)
                }
            }
            group.addTask {
                for try await message in inbound.messages(maxSize: maxSize) {
                    guard case .text(let text) = message else { continue }
                    if self.handle(text) {
                        fatal.value = ARIError(
                            .applicationReplaced, "another connection registered the application '\(self.configuration.application)'")
                        break
                    }
                }
                return .readerDone
            }
            while let outcome = try await group.next() {
                switch outcome {
                case .readerDone:
                    group.cancelAll()
                    return
                case .resynced:
                    continue
                case .resyncFailed(let error):
                    if error.code == .cancelled { continue }
                    self.logger.warning("ARI resync failed, reconnecting", metadata: ["ari.error": "\(error)"])
                    group.cancelAll()
                    throw error
                }
            }
        }
    }

    /// Decodes and publishes one frame; returns true for `ApplicationReplaced`.
    private func handle(_ text: String) -> Bool {
        do {
            let event = try ARIEvent.decode(text)
            counters.eventReceived()
            publish(.event(event))
            return event.payload == .applicationReplaced
        } catch {
            counters.malformed()
            logger.warning("ARI event not decoded", metadata: ["ari.error": "\(error)"])
            publish(.malformed(error, text: text))
            return false
        }
    }

    /// `GET /applications/{app}`, then each channel and bridge; ones gone meanwhile (404) are skipped.
    /// With ``ARIConfiguration/eventFilter`` set, the filter is put first.
    public func resync(afterReconnect: Bool) async throws(ARIError) -> ARISnapshot {
        await applyEventFilter()
        let requestedAt = ContinuousClock.now
        let application = try await rest.application(configuration.application)
        var channels: [ARIChannel] = []
        for id in application.channelIDs {
            do {
                channels.append(try await rest.channel(id))
            } catch where error.code == .notFound {
                continue
            }
        }
        var bridges: [ARIBridge] = []
        for id in application.bridgeIDs {
            do {
                bridges.append(try await rest.bridge(id))
            } catch where error.code == .notFound {
                continue
            }
        }
        return ARISnapshot(
            application: application, channels: channels, bridges: bridges, afterReconnect: afterReconnect, requestedAt: requestedAt)
    }

    /// Puts ``ARIConfiguration/eventFilter``; a refusal only costs the events it would have saved.
    private func applyEventFilter() async {
        guard let filter = configuration.eventFilter else { return }
        do {
            _ = try await rest.setEventFilter(configuration.application, filter)
        } catch where error.code == .cancelled {
        } catch {
            logger.warning("ARI event filter refused, every event type will be read", metadata: ["ari.error": "\(error)"])
        }
    }

    /// WSClient reports only "upgrade failed"; a REST call tells bad credentials from the rest.
    private func diagnoseRefusedUpgrade() async -> ARIError {
        do {
            _ = try await rest.asteriskInfo(only: ["system"])
            return ARIError(.transport, "Asterisk refused the events socket upgrade for app '\(configuration.application)'")
        } catch where error.code == .unauthorized || error.code == .forbidden {
            return ARIError(error.code, "Asterisk refused the credentials for the events socket", status: error.status, asteriskMessage: error.asteriskMessage)
        } catch {
            return error
        }
    }
}
