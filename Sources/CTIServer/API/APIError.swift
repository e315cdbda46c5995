import CTICore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The one error body every 4xx and 5xx answer carries:
///
/// ```json
/// {"error": {"code": "validation_failed", "message": "2 fields are invalid",
///            "fields": [{"field": "name", "problem": "must not be empty"}]}}
/// ```
///
/// `code` is stable and machine-readable (`bad_request`, `malformed_json`, `unauthenticated`,
/// `forbidden`, `not_found`, `method_not_allowed`, `conflict`, `invalid_transition`,
/// `payload_too_large`, `unsupported_media_type`, `validation_failed`, `service_unavailable`,
/// `internal_error`); `message` is for people; `fields` (only for `validation_failed`) lists
/// every bad field, not only the first.
public struct APIError: Error, HTTPResponseError, Sendable, Hashable {
    /// One bad field of an input.
    public struct FieldProblem: Codable, Sendable, Hashable {
        /// Path of the field, e.g. `phoneNumbers[1]` or `assignee.kind`.
        public var field: String
        public var problem: String

        public init(field: String, problem: String) {
            self.field = field
            self.problem = problem
        }
    }

    /// The JSON shape of the body.
    public struct Body: Codable, Sendable, Hashable {
        public struct Detail: Codable, Sendable, Hashable {
            public var code: String
            public var message: String
            public var fields: [FieldProblem]?
        }

        public var error: Detail
    }

    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var fields: [FieldProblem]?

    public init(_ status: HTTPResponse.Status, code: String, message: String, fields: [FieldProblem]? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
    }

    /// 422 listing every problem.
    public static func validation(_ fields: [FieldProblem]) -> APIError {
        let message = fields.count == 1 ? "\(fields[0].field) \(fields[0].problem)" : "\(fields.count) fields are invalid"
        return APIError(.unprocessableContent, code: "validation_failed", message: message, fields: fields)
    }

    public static func forbidden(_ message: String) -> APIError { APIError(.forbidden, code: "forbidden", message: message) }
    public static func notFound(_ message: String) -> APIError { APIError(.notFound, code: "not_found", message: message) }
    public static func badRequest(_ message: String) -> APIError { APIError(.badRequest, code: "bad_request", message: message) }

    /// Any error thrown by a route, as an API error: repository errors by kind, Hummingbird's
    /// `HTTPError` by status; anything else is a 500 whose details stay in the log.
    public init(_ error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as QAServiceError:
            self = error.apiError
        case let error as RepositoryError:
            self = Self(repository: error)
        case let error as CRMValidationError:
            self = .validation(error.issues.map { FieldProblem(field: $0.field, problem: $0.message) })
        case let error as HTTPError:
            self = APIError(error.status, code: Self.code(for: error.status), message: error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError:
            self = APIError(error.status, code: Self.code(for: error.status), message: error.status.reasonPhrase)
        default:
            self = APIError(.internalServerError, code: "internal_error", message: "internal error")
        }
    }

    private init(repository error: RepositoryError) {
        switch error {
        case .notFound: self = .notFound(error.description)
        case .conflict(let message): self = APIError(.conflict, code: "conflict", message: message)
        case .validation(let invalid): self = APIError(invalid)
        case .invalidTransition(let transition): self = APIError(.conflict, code: "invalid_transition", message: transition.description)
        case .unauthenticated: self = APIError(.unauthorized, code: "unauthenticated", message: "not authenticated")
        case .forbidden(let message): self = .forbidden(message)
        }
    }

    /// The code for a status that came without one.
    static func code(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "bad_request"
        case 401: "unauthenticated"
        case 403: "forbidden"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 409: "conflict"
        case 413: "payload_too_large"
        case 415: "unsupported_media_type"
        case 422: "validation_failed"
        case 503: "service_unavailable"
        case 500...: "internal_error"
        default: "http_\(status.code)"
        }
    }

    public var body: Body { Body(error: .init(code: code, message: message, fields: fields)) }

    public func response(from request: Request, context: some RequestContext) throws -> Response { response() }

    /// The answer: status, JSON body, no caching.
    public func response() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(body)) ?? Data(#"{"error":{"code":"internal_error","message":"internal error"}}"#.utf8)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
