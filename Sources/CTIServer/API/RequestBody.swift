import CTICore
import Foundation
import Hummingbird
import NIOCore

/// Reads a JSON request body against its schema: 415 unless it is JSON, 413 over the size limit,
/// 400 for text that is not JSON, 422 listing every unknown field, wrong type or missing field.
enum RequestBody {
    /// Largest body accepted by the API routes.
    static let maximumSize = 1024 * 1024

    static func decode<Value: Decodable>(
        _ type: Value.Type, schema: APISchema, from request: Request, components: [String: APISchema] = APISchemas.components
    ) async throws -> Value {
        if let contentType = request.headers[.contentType] {
            let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard mediaType == "application/json" || mediaType.hasSuffix("+json") else {
                throw APIError(.unsupportedMediaType, code: "unsupported_media_type", message: "send the body as application/json, not \(mediaType)")
            }
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumSize)
        } catch {
            throw APIError(.contentTooLarge, code: "payload_too_large", message: "the body may be at most \(maximumSize) bytes")
        }
        let data = Data(buffer.readableBytesView)
        guard !data.isEmpty else { throw APIError(.badRequest, code: "malformed_json", message: "a JSON body is required") }
        let json: JSONValue
        do {
            json = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw APIError(.badRequest, code: "malformed_json", message: "the body is not valid JSON")
        }
        let (cleaned, problems) = schema.check(json, at: "", components: components)
        if !problems.isEmpty { throw APIError.validation(problems) }
        do {
            return try JSONDecoder().decode(Value.self, from: try JSONEncoder().encode(cleaned))
        } catch {
            // The schema and the type disagree: a bug here, not in the request.
            throw APIError(.internalServerError, code: "internal_error", message: "could not read the checked body")
        }
    }
}
