import CTICore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// `GET /api/recordings/{id}/audio`: streams the recording with HTTP range requests (206 with
/// `Content-Range`, 416 for a range outside the file), only to users allowed to hear the call.
/// The caller is the bearer token's, or the one a playback link's `?grant=` names
/// (``RecordingPlaybackLinks``): what an `<audio>` element can send.
struct RecordingAudioRoute: Sendable {
    let qa: any QAService
    let links: RecordingPlaybackLinks
    let principal: @Sendable (Request) async throws -> CTIPrincipal

    func register(on router: Router<BasicWebSocketRequestContext>) {
        router.get("/api/recordings/:id/audio") { request, context in
            let id = try context.parameters.require("id")
            let who: CTIPrincipal
            if let grant = request.uri.queryParameters["grant"] {
                who = try links.principal(grant: String(grant), recordingID: id)
            } else {
                who = try await principal(request)
            }
            let file = try await qa.recordingFile(id: id, for: who)
            let size: Int
            do {
                let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
                size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            } catch {
                throw QAServiceError(.notFound, "the recording's file is missing")
            }
            var headers: HTTPFields = [.contentType: file.contentType, .acceptRanges: "bytes", .cacheControl: "private, no-store"]
            switch ByteRange.resolve(request.headers[.range], size: size) {
            case .whole:
                headers[.contentLength] = String(size)
                let body = size == 0 ? ResponseBody() : try await FileIO().loadFile(path: file.path, context: context)
                return Response(status: .ok, headers: headers, body: body)
            case .partial(let range):
                headers[.contentLength] = String(range.count)
                headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
                let body = try await FileIO().loadFile(path: file.path, range: range, context: context)
                return Response(status: .partialContent, headers: headers, body: body)
            case .unsatisfiable:
                // Answered, not thrown: the error middleware would drop the Content-Range header.
                return QAServiceError(
                    .rangeNotSatisfiable, "the requested range is not inside the recording (\(size) bytes)",
                    headers: ["Content-Range": "bytes */\(size)"]
                ).httpResponse()
            }
        }
    }
}
