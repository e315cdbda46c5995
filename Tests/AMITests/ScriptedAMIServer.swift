import AMI
import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A tiny AMI server for client tests: greets, reads actions, and answers each one with whatever
/// the test's script says — including nothing, half a list, or a dropped connection.
final class ScriptedAMIServer: Sendable {
    /// What to do with one received action.
    enum Reply: Sendable {
        /// Write these raw bytes.
        case bytes(String)
        /// Write these bytes, then close the connection.
        case bytesThenClose(String)
        /// Say nothing.
        case silence
    }

    typealias Script = @Sendable (_ action: AMIMessage, _ connection: Int) -> Reply

    private let channel: any Channel
    private let state = Mutex(State())
    private struct State {
        var connections = 0
        var received: [AMIMessage] = []
        var open: [any Channel] = []
    }

    /// The bound port on 127.0.0.1.
    var port: Int { channel.localAddress!.port! }
    /// Connections accepted so far.
    var connectionCount: Int { state.withLock { $0.connections } }
    /// Every action received, in order.
    var received: [AMIMessage] { state.withLock { $0.received } }

    init(port: Int = 0, greeting: String = "Asterisk Call Manager/11.0.0\r\n", script: @escaping Script) async throws {
        let box = Mutex<ScriptedAMIServer?>(nil)
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    let server = box.withLock { $0 }!
                    let index = server.accepted(child)
                    try child.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(AMIFrameDecoder(expectGreeting: false)),
                        Handler(index: index, greeting: greeting, script: script, record: { server.record($0) }),
                    ])
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
        box.withLock { $0 = self }
    }

    private func accepted(_ child: any Channel) -> Int {
        state.withLock {
            $0.connections += 1
            $0.open.append(child)
            return $0.connections
        }
    }

    private func record(_ message: AMIMessage) { state.withLock { $0.received.append(message) } }

    /// Drops every open client connection.
    func dropConnections() {
        let open = state.withLock { state in
            defer { state.open.removeAll() }
            return state.open
        }
        for child in open { child.close(promise: nil) }
    }

    /// Stops listening and drops connections.
    func close() async throws {
        dropConnections()
        try await channel.close()
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = AMIFrame
        let index: Int
        let greeting: String
        let script: Script
        let record: (AMIMessage) -> Void

        init(index: Int, greeting: String, script: @escaping Script, record: @escaping (AMIMessage) -> Void) {
            self.index = index
            self.greeting = greeting
            self.script = script
            self.record = record
        }

        func channelActive(context: ChannelHandlerContext) {
            context.writeAndFlush(NIOAny(ByteBuffer(string: greeting)), promise: nil)
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .message(let message) = unwrapInboundIn(data) else { return }
            record(message)
            switch script(message, index) {
            case .bytes(let text):
                context.writeAndFlush(NIOAny(ByteBuffer(string: text)), promise: nil)
            case .bytesThenClose(let text):
                let channel = context.channel
                context.writeAndFlush(NIOAny(ByteBuffer(string: text))).whenComplete { _ in channel.close(promise: nil) }
            case .silence:
                break
            }
        }
    }
}

/// Canned answers shaped like the captures.
enum Canned {
    static func success(_ action: AMIMessage, _ extra: String = "") -> String {
        "Response: Success\r\nActionID: \(action.actionID ?? "")\r\n\(extra)\r\n"
    }

    static func loginOK(_ action: AMIMessage) -> String {
        success(action, "Message: Authentication accepted\r\n")
            + "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 862\r\nLastReload: 862\r\nStatus: Fully Booted\r\n\r\n"
    }

    static func emptyList(_ action: AMIMessage, complete: String) -> String {
        success(action, "EventList: start\r\nMessage: will follow\r\n")
            + "Event: \(complete)\r\nActionID: \(action.actionID ?? "")\r\nEventList: Complete\r\nListItems: 0\r\n\r\n"
    }

    /// A server that logs in anyone with secret `good` and answers Ping and the resync lists.
    static func standard(_ action: AMIMessage, _ connection: Int) -> ScriptedAMIServer.Reply {
        switch action["Action"]?.lowercased() {
        case "login":
            return action["Secret"] == "good" ? .bytes(loginOK(action))
                : .bytesThenClose("Response: Error\r\nActionID: \(action.actionID ?? "")\r\nMessage: Authentication failed\r\n\r\n")
        case "ping": return .bytes(success(action, "Ping: Pong\r\nTimestamp: 1795370448.764085\r\n"))
        case "coreshowchannels": return .bytes(emptyList(action, complete: "CoreShowChannelsComplete"))
        case "queuestatus": return .bytes(emptyList(action, complete: "QueueStatusComplete"))
        case "logoff": return .bytesThenClose(success(action, "Message: Thanks for all the fish.\r\n").replacingOccurrences(of: "Success", with: "Goodbye"))
        default: return .bytes("Response: Error\r\nActionID: \(action.actionID ?? "")\r\nMessage: Invalid/unknown command: \(action["Action"] ?? ""). Use Action: ListCommands to show available commands.\r\n\r\n")
        }
    }
}
