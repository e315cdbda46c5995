import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A refused QA request, answered with the shared ``APIError`` body
/// (`{"error":{"code":…,"message":…,"fields":[{"field":…,"problem":…}]}}`).
public struct QAServiceError: Error, Sendable, Hashable, HTTPResponseError, CustomStringConvertible {
    /// What went wrong, which fixes the HTTP status.
    public enum Code: String, Sendable, Hashable, Codable {
        case badRequest, unauthorized, forbidden, notFound, conflict, unprocessable, rangeNotSatisfiable

        var status: HTTPResponse.Status {
            switch self {
            case .badRequest: .badRequest
            case .unauthorized: .unauthorized
            case .forbidden: .forbidden
            case .notFound: .notFound
            case .conflict: .conflict
            case .unprocessable: .unprocessableContent
            case .rangeNotSatisfiable: .rangeNotSatisfiable
            }
        }
    }

    /// One bad field or answer.
    public struct Problem: Codable, Sendable, Hashable {
        public var field: String
        public var message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public var code: Code
    public var message: String
    public var problems: [Problem]
    /// Extra response headers (`Content-Range` on a 416).
    public var headers: [String: String]

    public init(_ code: Code, _ message: String, problems: [Problem] = [], headers: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.problems = problems
        self.headers = headers
    }

    public var status: HTTPResponse.Status { code.status }
    public var description: String { "\(code.rawValue): \(message)" }

    /// The shared API error (``APIError``): same `{"error":{"code","message","fields"}}` body as every route.
    public var apiError: APIError {
        let code: String =
            switch self.code {
            case .badRequest: "bad_request"
            case .unauthorized: "unauthenticated"
            case .forbidden: "forbidden"
            case .notFound: "not_found"
            case .conflict: "conflict"
            case .unprocessable: "validation_failed"
            case .rangeNotSatisfiable: "range_not_satisfiable"
            }
        return APIError(
            status, code: code, message: message,
            fields: problems.isEmpty ? nil : problems.map { APIError.FieldProblem(field: $0.field, problem: $0.message) })
    }

    /// The answer, with ``headers`` added (a 416's `Content-Range`).
    public func httpResponse() -> Response {
        var response = apiError.response()
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        return response
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response { httpResponse() }
}
