import Foundation
import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// `GET /openapi.json`: the OpenAPI 3.1 document of every route, public.
struct OpenAPIRoute: Sendable {
    func register(on router: Router<BasicWebSocketRequestContext>) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let document = (try? encoder.encode(OpenAPIDocument.render())) ?? Data("{}".utf8)
        router.get("/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: document)))
        }
    }
}
