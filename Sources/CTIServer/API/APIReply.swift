import CTICore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A value answered as JSON with dates in ISO 8601 (the API routes' encoding).
struct APIReply<Value: Encodable & Sendable>: ResponseGenerator {
    let status: HTTPResponse.Status
    let value: Value

    init(_ status: HTTPResponse.Status, _ value: Value) {
        self.status = status
        self.value = value
    }

    init(_ value: Value) { self.init(.ok, value) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}

/// Reading path and query parameters, with every problem reported as an ``APIError``.
enum APIParameters {
    /// The record id in path parameter `name`: 404 when it is not a positive integer (no such record).
    static func id(_ context: some RequestContext, name: String = "id", entity: String) throws -> Int64 {
        let text = context.parameters.get(name) ?? ""
        guard let id = Int64(text), id > 0 else { throw APIError.notFound("\(entity) \(text) not found") }
        return id
    }

    /// `?limit=&offset=` (default 50 from 0; limit 1…500), every bad one listed.
    static func page(_ request: Request, problems: inout [APIError.FieldProblem]) -> PageRequest {
        var page = PageRequest()
        let query = request.uri.queryParameters
        if let text = query["limit"] {
            if let limit = Int(text), (1...PageRequest.maximumLimit).contains(limit) {
                page.limit = limit
            } else {
                problems.append(.init(field: "limit", problem: "must be an integer between 1 and \(PageRequest.maximumLimit)"))
            }
        }
        if let text = query["offset"] {
            if let offset = Int(text), offset >= 0 {
                page.offset = offset
            } else {
                problems.append(.init(field: "offset", problem: "must be an integer, not negative"))
            }
        }
        return page
    }

    /// `?limit=&offset=` alone; 422 when either is bad.
    static func page(_ request: Request) throws -> PageRequest {
        var problems: [APIError.FieldProblem] = []
        let page = page(request, problems: &problems)
        if !problems.isEmpty { throw APIError.validation(problems) }
        return page
    }
}

/// An empty answer (`204 No Content`).
struct NoContent: ResponseGenerator {
    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .noContent, headers: [.cacheControl: "no-store"])
    }
}
