import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The HTTP edge of the simulator: `/ari` prefix, trailing-slash 404, authentication (401 with
/// `WWW-Authenticate`), then dispatch to the simulator's resource handlers.
struct ARISimulatorResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let simulator: ARISimulator

    func respond(to request: Request, context: Context) async throws -> Response {
        let reply = await reply(to: request)
        var headers = HTTPFields()
        for (name, value) in reply.headers {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: reply.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }

    private func reply(to request: Request) async -> ARISimReply {
        let path = request.uri.path
        guard path == "/ari" || path.hasPrefix("/ari/") else { return .error(404, "Not found") }
        let query = ARISimRequest.parseQuery(request.uri.query)
        if path.hasSuffix("/") {
            let trimmed = String(path.reversed().drop { $0 == "/" }.reversed())
            return .error(404, "ARI URLs do not end with a slash. Try \(trimmed)")
        }
        guard simulator.isAuthorized(authorization: request.headers[.authorization], query: query) else {
            var reply = ARISimReply.error(401, "Authentication required")
            reply.headers.append(("WWW-Authenticate", "Basic realm=\"Asterisk REST Interface\""))
            return reply
        }
        let segments = path.split(separator: "/").dropFirst().map { String($0).removingPercentEncoding ?? String($0) }
        var body: [UInt8] = []
        if let buffer = try? await request.body.collect(upTo: 1 << 20) { body = Array(buffer.readableBytesView) }
        let simRequest = ARISimRequest(method: request.method.rawValue, path: Array(segments), query: query, body: body)
        let arrived = ContinuousClock.now
        let reply = simulator.handle(simRequest)
        simulator.requestLog.append(method: simRequest.method, path: simRequest.path, query: query, status: reply.status, at: arrived)
        return reply
    }
}
