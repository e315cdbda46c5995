import CTICore
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

/// Builds the CTI server: REST API, agent and supervisor sockets, and the web pages.
///
/// - `GET /health`, `GET /ready`
/// - `POST /api/session` `{username,password}` → `{token, principal}`
/// - `GET /api/me`, `POST /api/actions` (the REST twin of socket actions), `GET /api/wallboard` — bearer token
/// - `/ws/agent` and `/ws/supervisor` — token by `?token=` or a first `auth` frame
/// - `/` the agent desktop, `/wallboard.html` the supervisor wallboard
public func buildApplication(
    configuration: CTIServerConfiguration,
    dependencies: CTIServerDependencies,
    hub: CTIHub,
    logger: Logger,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(configuration: configuration, dependencies: dependencies, hub: hub, logger: logger)
    var app = Application(
        router: router,
        server: .http1WebSocketUpgrade(webSocketRouter: router, configuration: .init(ws: .init(maxFrameSize: configuration.maxFrameSize))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "CTIBridge"),
        onServerRunning: onServerRunning,
        logger: logger
    )
    app.addServices(CTIRevocationService(hub: hub, revoked: dependencies.authenticator.revokedTokens()))
    return app
}

/// Every route of the CTI server (``APIOperations`` documents each one), with errors answered as
/// ``APIError`` bodies.
public func buildRouter(
    configuration: CTIServerConfiguration, dependencies: CTIServerDependencies, hub: CTIHub, logger: Logger
) -> Router<BasicWebSocketRequestContext> {
    let router = Router(context: BasicWebSocketRequestContext.self)
    router.add(middleware: APIErrorMiddleware(logger: logger))
    if let publicFolder = Bundle.module.resourceURL?.appendingPathComponent("Public").path {
        router.add(middleware: FileMiddleware(publicFolder, searchForIndexHtml: true, logger: logger))
    }
    CTIRoutes(dependencies: dependencies, hub: hub).register(on: router)
    let socketLogger = logger
    for (path, feed) in [("/ws/agent", CTIFeed.agent), ("/ws/supervisor", CTIFeed.supervisor)] {
        router.ws(RouterPath(path)) { request, _ in
            // A token in the URL is checked before upgrading: a bad one gets a plain 401.
            if let token = request.uri.queryParameters["token"].map(String.init),
                await dependencies.authenticator.authenticate(token: token) == nil
            {
                throw HTTPError(.unauthorized, message: "invalid or expired token")
            }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            let query = context.request.uri.queryParameters
            let session = CTISocketSession(
                feed: feed, hub: hub, dependencies: dependencies, configuration: configuration, logger: socketLogger)
            try await session.run(
                queryToken: query["token"].map(String.init), queryLastSeq: query["lastSeq"].flatMap { UInt64(String($0)) },
                inbound: inbound, outbound: outbound)
        }
    }
    return router
}
