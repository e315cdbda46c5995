import CTICore
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdWebSocket
import NIOCore

/// The REST API; every route but health, readiness and login needs a bearer token.
struct CTIRoutes: Sendable {
    let dependencies: CTIServerDependencies
    let hub: CTIHub

    struct LoginRequest: Decodable {
        var username: String
        var password: String
    }

    func register(on router: Router<BasicWebSocketRequestContext>) {
        router.get("/health") { _, _ in JSONBody(["status": "ok"]) }
        router.get("/ready") { _, _ in
            let checks = await dependencies.readiness.checks()
            let ready = checks.values.allSatisfy { $0 }
            return EditedResponse(status: ready ? .ok : .serviceUnavailable, response: JSONBody(ReadyBody(ready: ready, checks: checks)))
        }
        router.post("/api/session") { request, context in
            let login: LoginRequest
            do { login = try await request.decode(as: LoginRequest.self, context: context) } catch {
                throw HTTPError(.badRequest, message: "expected {\"username\":…,\"password\":…}")
            }
            guard let grant = await dependencies.sessions.login(username: login.username, password: login.password) else {
                throw HTTPError(.unauthorized, message: "wrong username or password")
            }
            return JSONBody(grant)
        }
        router.get("/api/me") { request, _ in
            JSONBody(try await principal(request))
        }
        router.post("/api/actions") { request, _ in
            let principal = try await principal(request)
            guard principal.agentID != nil else { throw HTTPError(.forbidden, message: "actions are for agents") }
            let action: CTIAgentAction
            let body = try await request.body.collect(upTo: 16 * 1024)
            do { action = try JSONDecoder().decode(CTIAgentAction.self, from: Data(body.readableBytesView)) } catch {
                throw HTTPError(.badRequest, message: "invalid action: \(describe(error))")
            }
            let reply = await dependencies.actions.perform(action, for: principal)
            return EditedResponse(status: reply.ok ? .ok : Self.status(refusing: reply.error), response: JSONBody(reply))
        }
        router.get("/api/wallboard") { request, _ in
            guard try await principal(request).role.canWatchWallboard else {
                throw HTTPError(.forbidden, message: "the wallboard is for supervisors")
            }
            guard let snapshot = await hub.wallboard else { throw HTTPError(.notFound, message: "no wallboard yet") }
            return JSONBody(snapshot)
        }
        ErlangRoute(principal: { try await principal($0) }).register(on: router)
        StatisticsRoutes(source: dependencies.statistics, principal: { try await principal($0) }).register(on: router)
        if let flows = dependencies.flows {
            FlowRoutes(flows: flows, principal: { try await principal($0) }).register(on: router)
        }
        if let records = dependencies.records {
            let principal: @Sendable (Request) async throws -> CTIPrincipal = { try await self.principal($0) }
            CustomerRoutes(records: records, principal: principal).register(on: router)
            InteractionRoutes(records: records, principal: principal).register(on: router)
            TicketRoutes(records: records, principal: principal).register(on: router)
            UserRoutes(records: records, hub: hub, principal: principal).register(on: router)
        }
        OpenAPIRoute().register(on: router)
        if let qa = dependencies.qa {
            QARoutes(qa: qa, links: dependencies.recordingLinks, principal: { try await principal($0) }).register(on: router)
        }
        router.get("/metrics") { request, _ in
            let role = try await principal(request).role
            guard role == .admin || role == .supervisor else { throw HTTPError(.forbidden, message: "metrics are for supervisors and admins") }
            guard let metrics = dependencies.metrics else { throw HTTPError(.notFound, message: "metrics are not enabled") }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: metrics())))
        }
    }

    /// The principal for the request's `Authorization: Bearer` token, or 401.
    private func principal(_ request: Request) async throws -> CTIPrincipal {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw HTTPError(.unauthorized, message: "bearer token required")
        }
        guard let principal = await dependencies.authenticator.authenticate(token: String(header.dropFirst(7))) else {
            throw HTTPError(.unauthorized, message: "invalid or expired token")
        }
        return principal
    }

    /// The HTTP status of a refused action: 403 and 404 as the REST API answers them, else 422.
    static func status(refusing error: CTIProtocolError?) -> HTTPResponse.Status {
        switch error?.code {
        case .forbidden?: .forbidden
        case .notFound?: .notFound
        default: .unprocessableContent
        }
    }

    private func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field \"\(key.stringValue)\""
        case DecodingError.dataCorrupted(let context): context.debugDescription
        case DecodingError.typeMismatch(_, let context): "wrong type at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        default: "not JSON"
        }
    }
}

struct ReadyBody: Codable {
    var ready: Bool
    var checks: [String: Bool]
}

/// A Codable value answered as JSON.
struct JSONBody<Value: Encodable & Sendable>: ResponseGenerator {
    let value: Value
    init(_ value: Value) { self.value = value }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
