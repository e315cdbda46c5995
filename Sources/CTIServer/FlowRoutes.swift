import CTICore
import FlowYAML
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// `/api/flows`: admins validate and publish IVR flows; supervisors may list them.
struct FlowRoutes: Sendable {
    let flows: any FlowAdministration
    let principal: @Sendable (Request) async throws -> CTIPrincipal

    /// Largest flow document accepted.
    static let maxDocument = 1024 * 1024

    struct ProblemsBody: Encodable, Sendable {
        var valid: Bool
        var problems: [CTIFlowProblem]
    }

    /// The published flow (201) or its problems (422).
    enum PublishReply: Encodable, Sendable {
        case published(CTIFlowSummary)
        case rejected(ProblemsBody)

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .published(let summary): try summary.encode(to: encoder)
            case .rejected(let problems): try problems.encode(to: encoder)
            }
        }
    }

    func register(on router: Router<BasicWebSocketRequestContext>) {
        router.get("/api/flows") { request, _ in
            let role = try await principal(request).role
            guard role == .admin || role == .supervisor else { throw HTTPError(.forbidden, message: "flows are for admins and supervisors") }
            return JSONBody(await flows.flows())
        }
        router.post("/api/flows/validate") { request, _ in
            try await requireAdmin(request)
            let (body, format) = try await document(request)
            let problems = await flows.check(body, format: format)
            return EditedResponse(
                status: problems.isEmpty ? .ok : .unprocessableContent, response: JSONBody(ProblemsBody(valid: problems.isEmpty, problems: problems)))
        }
        router.post("/api/flows") { request, _ in
            let admin = try await requireAdmin(request)
            let note = request.uri.queryParameters["note"].map(String.init)
            let (body, format) = try await document(request)
            do {
                let summary = try await flows.publish(body, format: format, by: admin.displayName, note: note)
                return EditedResponse(status: .created, response: JSONBody(PublishReply.published(summary)))
            } catch let rejection as CTIFlowRejection {
                switch rejection {
                case .invalid(let problems):
                    return EditedResponse(
                        status: .unprocessableContent, response: JSONBody(PublishReply.rejected(ProblemsBody(valid: false, problems: problems))))
                case .unchanged(let id):
                    throw HTTPError(.conflict, message: "flow '\(id)' is the same as its live version; nothing to publish")
                }
            }
        }
        router.get("/api/flows/:id") { request, context in
            let role = try await principal(request).role
            guard role == .admin || role == .supervisor else { throw HTTPError(.forbidden, message: "flows are for admins and supervisors") }
            let id = try context.parameters.require("id")
            guard let flow = await flows.liveFlow(flowID: id) else { throw HTTPError(.notFound, message: "no flow '\(id)'") }
            let format = FlowDocumentFormat(accept: request.headers[.accept])
            let data = try format == .yaml ? flow.yamlData() : flow.jsonData()
            return Response(
                status: .ok, headers: [.contentType: format.contentType, .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("/api/flows/:id/history") { request, context in
            try await requireAdmin(request)
            let id = try context.parameters.require("id")
            guard let history = await flows.history(flowID: id) else { throw HTTPError(.notFound, message: "no flow '\(id)'") }
            return JSONBody(history)
        }
    }

    @discardableResult
    private func requireAdmin(_ request: Request) async throws -> CTIPrincipal {
        let user = try await principal(request)
        guard user.role == .admin else { throw HTTPError(.forbidden, message: "changing flows needs the admin role") }
        return user
    }

    /// The body and its format: JSON when there is no `Content-Type` or a JSON one, YAML for
    /// `application/yaml`, `application/x-yaml` or `text/yaml`; 415 for any other type.
    private func document(_ request: Request) async throws -> (Data, FlowDocumentFormat) {
        var format = FlowDocumentFormat.json
        if let contentType = request.headers[.contentType] {
            guard let named = FlowDocumentFormat(mediaType: contentType) else {
                throw APIError(
                    .unsupportedMediaType, code: "unsupported_media_type",
                    message: "send the flow as application/json or application/yaml, not \(contentType)")
            }
            format = named
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.maxDocument)
        } catch {
            throw HTTPError(.contentTooLarge, message: "a flow document may be at most 1 MiB")
        }
        return (Data(body.readableBytesView), format)
    }
}
