import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A refused QA request, answered as `{"error":{"code":…,"message":…,"problems":[…]}}`.
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

    private struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var problems: [Problem]
        }
        var error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(Body(error: .init(code: code.rawValue, message: message, problems: problems)))
        var fields: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
