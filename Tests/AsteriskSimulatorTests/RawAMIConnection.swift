import AMI
import NIOCore
import NIOPosix

/// A bare AMI connection over loopback for exact protocol checks: write raw actions, read the
/// frames the simulator sends (decoded with `AMIFrameDecoder`), see the socket close.
final class RawAMIConnection {
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var inbound: NIOAsyncChannelInboundStream<AMIFrame>.AsyncIterator

    private init(outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, inbound: NIOAsyncChannelInboundStream<AMIFrame>) {
        self.outbound = outbound
        self.inbound = inbound.makeAsyncIterator()
    }

    /// Connects to `127.0.0.1:port`, runs `body`, then closes.
    static func with<T>(port: Int, _ body: (RawAMIConnection) async throws -> T) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(AMIFrameDecoder(expectGreeting: true)))
                    return try NIOAsyncChannel<AMIFrame, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(RawAMIConnection(outbound: outbound, inbound: inbound))
        }
    }

    /// Sends an action, headers in order.
    func send(_ headers: KeyValuePairs<String, String>) async throws {
        try await send(AMIMessage(headers))
    }

    func send(_ message: AMIMessage) async throws {
        try await outbound.write(ByteBuffer(bytes: message.wireBytes))
    }

    /// Sends raw bytes.
    func send(raw text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }

    /// The next frame, nil once the server closed the connection.
    func next() async throws -> AMIFrame? { try await inbound.next() }

    /// The next message (skipping the greeting), nil at close.
    func nextMessage() async throws -> AMIMessage? {
        while let frame = try await next() {
            if case .message(let message) = frame { return message }
        }
        return nil
    }

    /// Messages up to and including the first that matches, nil when the connection closed first.
    func read(until predicate: (AMIMessage) -> Bool) async throws -> [AMIMessage]? {
        var seen: [AMIMessage] = []
        while let message = try await nextMessage() {
            seen.append(message)
            if predicate(message) { return seen }
        }
        return nil
    }

    /// Logs in with a plain secret; returns the answer and, when `fullyBooted`, the FullyBooted event.
    @discardableResult
    func login(user: String = "ctibridge", secret: String = "s3cret", events: String = "on", fullyBooted: Bool = true) async throws -> [AMIMessage] {
        try await send(["Action": "Login", "ActionID": "login-1", "Username": user, "Secret": secret, "Events": events])
        var seen = try await read { $0.actionID == "login-1" } ?? []
        if fullyBooted, seen.last?.response == "Success", let booted = try await nextMessage() { seen.append(booted) }
        return seen
    }

    /// Everything the server sent until it answered two Pings in a row. Events queued to this
    /// session before the first Ping was sent are written by then at the latest.
    func settle() async throws -> [AMIMessage] {
        var seen: [AMIMessage] = []
        for id in ["settle-1", "settle-2"] {
            try await send(["Action": "Ping", "ActionID": id])
            seen += try await read { $0.actionID == id && !$0.isEvent } ?? []
        }
        return seen.filter { $0.actionID?.hasPrefix("settle-") != true || $0.isEvent }
    }
}
