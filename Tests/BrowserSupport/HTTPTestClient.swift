import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP answer as tests read it: status, body text, content type and the body parsed as JSON.
public struct HTTPTestAnswer: Sendable {
    public var status: Int
    public var body: String
    public var contentType: String?

    /// The body parsed as JSON (an empty object when it is not JSON).
    public var json: Any {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed])) ?? [String: Any]()
    }
}

/// Requests against a CTIBridge server on loopback, with an optional bearer token and JSON body.
public enum HTTPTestClient {
    public static func call(
        _ method: HTTPMethod, _ url: String, token: String? = nil, body: String? = nil
    ) async throws -> HTTPTestAnswer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return HTTPTestAnswer(
            status: Int(response.status.code), body: String(buffer: bytes), contentType: response.headers.first(name: "Content-Type"))
    }
}
