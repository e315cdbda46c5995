import ARI
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A stand-in Asterisk ARI on loopback: REST under `/ari` and the events WebSocket at
/// `/ari/events`, with the JSON shapes, statuses and messages of the real captures.
///
/// The state (channels, bridges, recordings, registered applications) lives in this object, so
/// `run()` can end and run again on the same port to simulate an Asterisk HTTP restart while
/// calls stay in Stasis. Tests drive calls with ``injectInboundCall(application:exten:callerName:callerNumber:args:)``,
/// ``injectDTMF(channelID:digits:)`` and ``hangUp(channelID:)``.
public final class ARISimulator: Service, Sendable {
    /// Credentials, directories and timings.
    public let configuration: ARISimulatorConfiguration
    let world: Mutex<ARISimWorld>
    private let runtime = Mutex(Runtime())
    let logger: Logger
    /// Every REST request answered, for tests and benchmarks.
    public let requestLog = ARISimRequestLog()
    /// Writes finished recordings' WAVs in order, off the threads that answer requests (as
    /// Asterisk records in threads of its own): a stop returns at once, `RecordingFinished` follows
    /// the write.
    let recordingWriter = DispatchQueue(label: "ctibridge.simulator.ari.recordings")

    private struct Runtime {
        /// The port listening now.
        var boundPort: Int?
        /// The port of the last run, reused by the next one.
        var lastPort: Int?
        var portWaiters: [CheckedContinuation<Int, Never>] = []
        var jobs: AsyncStream<ARISimJob>.Continuation?
    }

    struct ARISimJob: Sendable {
        var delay: Duration
        var action: @Sendable () -> Void
    }

    /// A simulator; call `run()` (or add it to a ServiceGroup) to serve.
    public init(configuration: ARISimulatorConfiguration, logger: Logger = Logger(label: "ctibridge.simulator.ari")) {
        self.configuration = configuration
        self.world = Mutex(ARISimWorld(asteriskID: configuration.asteriskID))
        self.logger = logger
        try? FileManager.default.createDirectory(at: configuration.recordingsDirectory, withIntermediateDirectories: true)
    }

    /// The bound port, once the server listens (waits for it).
    public func port() async -> Int {
        await withCheckedContinuation { continuation in
            let port = runtime.withLock { runtime -> Int? in
                if let port = runtime.boundPort { return port }
                runtime.portWaiters.append(continuation)
                return nil
            }
            if let port { continuation.resume(returning: port) }
        }
    }

    /// `http://127.0.0.1:PORT/ari`, once listening.
    public func baseURL() async -> String { "http://\(configuration.host):\(await port())/ari" }

    /// Serves until cancelled or graceful shutdown; may be called again afterwards (same port).
    public func run() async throws {
        let (jobs, jobsContinuation) = AsyncStream.makeStream(of: ARISimJob.self)
        let port = runtime.withLock { runtime -> Int in
            runtime.jobs = jobsContinuation
            return runtime.lastPort ?? configuration.port
        }
        defer {
            jobsContinuation.finish()
            runtime.withLock { runtime in
                runtime.jobs = nil
                runtime.boundPort = nil
            }
            closeAllSockets()
        }
        let webSocketRouter = Router(context: BasicWebSocketRequestContext.self)
        webSocketRouter.ws("/ari/events") { request, _ in
            self.shouldUpgrade(request)
        } onUpgrade: { inbound, outbound, context in
            try await self.serveEvents(request: context.request, inbound: inbound, outbound: outbound)
        }
        var hbLogger = logger
        hbLogger.logLevel = max(logger.logLevel, .warning)
        let app = Application(
            responder: ARISimulatorResponder(simulator: self),
            server: .http1WebSocketUpgrade(webSocketRouter: webSocketRouter),
            configuration: .init(address: .hostname(configuration.host, port: port), serverName: "Asterisk/22.10.1"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                let waiters = self.runtime.withLock { runtime in
                    runtime.boundPort = bound
                    runtime.lastPort = bound
                    defer { runtime.portWaiters.removeAll() }
                    return runtime.portWaiters
                }
                for waiter in waiters { waiter.resume(returning: bound) }
            },
            logger: hbLogger
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask {
                // Discarding: a plain task group would keep every finished timer until the run ends.
                await withDiscardingTaskGroup { timers in
                    for await job in jobs {
                        timers.addTask {
                            try? await Task.sleep(for: job.delay)
                            if !Task.isCancelled { job.action() }
                        }
                    }
                    timers.cancelAll()
                }
            }
            group.addTask {
                // Stopping ends every events socket first, so the server's graceful shutdown is not
                // left waiting on connections whose handlers wait for those sockets to end.
                await withTaskCancellationHandler {
                    while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
                } onCancel: {
                    self.closeAllSockets()
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Runs `action` after `delay` while the server runs (dropped when it stops).
    func schedule(after delay: Duration, _ action: @escaping @Sendable () -> Void) {
        _ = runtime.withLock { $0.jobs?.yield(ARISimJob(delay: delay, action: action)) }
    }

    private func closeAllSockets() {
        let sockets = world.withLock { world in
            defer { world.sockets.removeAll() }
            return world.sockets
        }
        for socket in sockets { socket.continuation.finish() }
    }

    // MARK: Authentication

    /// Whether Basic auth or `api_key` matches the configured user.
    func isAuthorized(authorization: String?, query: [(String, String)]) -> Bool {
        let expected = "\(configuration.username):\(configuration.password)"
        if let key = query.first(where: { $0.0 == "api_key" })?.1 { return key == expected }
        guard let authorization, authorization.hasPrefix("Basic ") else { return false }
        let encoded = String(authorization.dropFirst("Basic ".count))
        guard let data = Data(base64Encoded: encoded) else { return false }
        return String(decoding: data, as: UTF8.self) == expected
    }
}
