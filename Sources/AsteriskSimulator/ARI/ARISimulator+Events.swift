import Synchronization
import ARI
import Hummingbird
import HummingbirdWebSocket

extension ARISimulator {
    /// The events socket upgrades only with valid credentials and an `app` parameter.
    /// (Hummingbird answers a refused upgrade itself; a plain GET gets Asterisk's 400/401.)
    func shouldUpgrade(_ request: Request) -> RouterShouldUpgrade {
        let query = ARISimRequest.parseQuery(request.uri.query)
        guard isAuthorized(authorization: request.headers[.authorization], query: query) else { return .dontUpgrade }
        guard let apps = query.first(where: { $0.0 == "app" })?.1, !apps.isEmpty else { return .dontUpgrade }
        return .upgrade([:])
    }

    /// Registers the socket's applications, replacing (with `ApplicationReplaced`) an older socket
    /// holding the same name, then forwards events until either side closes.
    func serveEvents(request: Request, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let query = ARISimRequest.parseQuery(request.uri.query)
        let apps = (query.first { $0.0 == "app" }?.1 ?? "").split(separator: ",").map(String.init)
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let id = world.withLock { world -> Int in
            for app in apps {
                // The older socket gets ApplicationReplaced and no more events for this app.
                world.emit(.applicationReplaced, to: app)
                for index in world.sockets.indices { world.sockets[index].applications.removeAll { $0 == app } }
                world.applications.insert(app)
            }
            world.nextSocketID += 1
            world.sockets.append(ARISimSocket(id: world.nextSocketID, applications: apps, continuation: continuation))
            return world.nextSocketID
        }
        defer {
            world.withLock { $0.sockets.removeAll { $0.id == id } }
            continuation.finish()
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await _ in inbound {}
            }
            group.addTask {
                for await text in stream {
                    try await outbound.write(.text(text))
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Applications with a connected socket now.
    public var activeApplications: [String] {
        world.withLock { Array(Set($0.sockets.flatMap(\.applications))).sorted() }
    }
}
