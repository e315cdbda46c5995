import CTICore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// `/api/qa/*` and `/api/recordings/*`: QA work lists, scorecards, evaluations, calibration,
/// reports and recording playback. Errors are ``QAServiceError`` JSON bodies.
struct QARoutes: Sendable {
    let qa: any QAService
    let links: RecordingPlaybackLinks
    let principal: @Sendable (Request) async throws -> CTIPrincipal

    /// Largest request body accepted (a scorecard document).
    static let maxBody = 256 * 1024

    func register(on router: Router<BasicWebSocketRequestContext>) {
        router.get("/api/qa/worklist") { request, _ in
            QAJSON(try await qa.workList(for: try await user(request)))
        }
        router.get("/api/qa/scorecards") { request, _ in
            QAJSON(try await qa.scorecards(for: try await user(request)))
        }
        router.post("/api/qa/scorecards") { request, _ in
            let who = try await user(request)
            let card = try await decode(Scorecard.self, request)
            return EditedResponse(status: .created, response: QAJSON(try await qa.publishScorecard(card, by: who)))
        }
        router.get("/api/qa/scorecards/:id") { request, context in
            let who = try await user(request)
            var version: Int?
            if let text = request.uri.queryParameters["version"] {
                guard let number = Int(String(text)), number >= 1 else {
                    throw QAServiceError(.badRequest, "version must be a whole number from 1", problems: [.init(field: "version", message: "got \(text)")])
                }
                version = number
            }
            return QAJSON(try await qa.scorecard(id: try context.parameters.require("id"), version: version, for: who))
        }
        router.get("/api/qa/evaluations") { request, _ in
            let who = try await user(request)
            let query = request.uri.queryParameters
            var filter = QAEvaluationQuery(
                agentID: query["agent"].map(String.init), evaluatorID: query["evaluator"].map(String.init), callID: query["call"].map(String.init))
            if let text = query["state"] {
                guard let state = Evaluation.State(rawValue: String(text)) else {
                    throw QAServiceError(
                        .badRequest, "unknown state", problems: [.init(field: "state", message: "expected one of \(Evaluation.State.allCases.map(\.rawValue).joined(separator: ", "))")])
                }
                filter.state = state
            }
            return QAJSON(try await qa.evaluations(filter, for: who))
        }
        router.post("/api/qa/evaluations") { request, _ in
            let who = try await user(request)
            let body = try await decode(QAStartRequest.self, request)
            return EditedResponse(status: .created, response: QAJSON(try await qa.startEvaluation(body, by: who)))
        }
        router.get("/api/qa/evaluations/:id") { request, context in
            QAJSON(try await qa.evaluation(id: try context.parameters.require("id"), for: try await user(request)))
        }
        router.put("/api/qa/evaluations/:id") { request, context in
            let who = try await user(request)
            let body = try await decode(QADraftRequest.self, request)
            return QAJSON(try await qa.saveDraft(id: try context.parameters.require("id"), body, by: who))
        }
        router.post("/api/qa/evaluations/:id/submit") { request, context in
            QAJSON(try await qa.submit(id: try context.parameters.require("id"), by: try await user(request)))
        }
        router.post("/api/qa/evaluations/:id/acknowledge") { request, context in
            QAJSON(try await qa.acknowledge(id: try context.parameters.require("id"), by: try await user(request)))
        }
        router.post("/api/qa/evaluations/:id/dispute") { request, context in
            let who = try await user(request)
            let body = try await decode(QADisputeRequest.self, request)
            return QAJSON(try await qa.dispute(id: try context.parameters.require("id"), body, by: who))
        }
        router.post("/api/qa/evaluations/:id/review") { request, context in
            let who = try await user(request)
            let body = try await decode(QAReviewRequest.self, request)
            return QAJSON(try await qa.reReview(id: try context.parameters.require("id"), body, by: who))
        }
        router.post("/api/qa/calibrations") { request, _ in
            let who = try await user(request)
            let body = try await decode(QACalibrationRequest.self, request)
            return EditedResponse(status: .created, response: QAJSON(try await qa.createCalibration(body, by: who)))
        }
        router.get("/api/qa/calibrations/:id/report") { request, context in
            QAJSON(try await qa.calibrationReport(sessionID: try context.parameters.require("id"), for: try await user(request)))
        }
        router.get("/api/qa/reports") { request, _ in
            let who = try await user(request)
            let query = request.uri.queryParameters
            let groupingText = query["by"].map(String.init) ?? "agent"
            guard let grouping = QAReport.Grouping(rawValue: groupingText) else {
                throw QAServiceError(
                    .badRequest, "unknown grouping",
                    problems: [.init(field: "by", message: "expected one of \(QAReport.Grouping.allCases.map(\.rawValue).joined(separator: ", "))")])
            }
            let from = try date(query["from"].map(String.init), field: "from")
            let to = try date(query["to"].map(String.init), field: "to")
            let lines = try await qa.report(by: grouping, from: from, to: to, for: who)
            switch query["format"].map(String.init) ?? "json" {
            case "json":
                return try QAJSON(lines).response(status: .ok)
            case "csv":
                return Response(
                    status: .ok,
                    headers: [
                        .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                        .contentDisposition: "attachment; filename=\"qa-\(grouping.rawValue).csv\"",
                    ],
                    body: .init(byteBuffer: ByteBuffer(string: QAReport.csv(lines, keyHeader: grouping.rawValue))))
            default:
                throw QAServiceError(.badRequest, "unknown format", problems: [.init(field: "format", message: "expected json or csv")])
            }
        }
        router.get("/api/recordings/:id") { request, context in
            QAJSON(try await qa.recording(id: try context.parameters.require("id"), for: try await user(request)))
        }
        router.post("/api/recordings/:id/playback") { request, context in
            let who = try await user(request)
            let id = try context.parameters.require("id")
            _ = try await qa.recording(id: id, for: who)  // the same rules as the audio: refused here, not at play time
            return QAJSON(links.issue(recordingID: id, for: who))
        }
        RecordingAudioRoute(qa: qa, links: links, principal: user).register(on: router)
    }

    /// The principal, with a 401 in the QA error shape.
    private func user(_ request: Request) async throws -> CTIPrincipal {
        do {
            return try await principal(request)
        } catch let error as HTTPError {
            throw QAServiceError(error.status == .unauthorized ? .unauthorized : .forbidden, error.body ?? "not authenticated")
        }
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ request: Request) async throws -> Value {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.maxBody)
        } catch {
            throw QAServiceError(.badRequest, "the request body may be at most \(Self.maxBody / 1024) KiB")
        }
        do {
            return try JSONDecoder().decode(Value.self, from: Data(body.readableBytesView))
        } catch let error as DecodingError {
            throw QAServiceError(.badRequest, "invalid JSON body", problems: [Self.problem(error)])
        }
    }

    private func date(_ text: String?, field: String) throws -> Date? {
        guard let text else { return nil }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let day = try? Date("\(text)T00:00:00Z", strategy: .iso8601) { return day }
        throw QAServiceError(.badRequest, "invalid date", problems: [.init(field: field, message: "expected 2026-11-27 or an ISO 8601 time, got \(text)")])
    }

    static func problem(_ error: DecodingError) -> QAServiceError.Problem {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath.map(\.stringValue) + (key.map { [$0.stringValue] } ?? [])
            return keys.isEmpty ? "body" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return .init(field: path(context, key), message: "is required")
        case .typeMismatch(_, let context): return .init(field: path(context), message: "has the wrong type")
        case .valueNotFound(_, let context): return .init(field: path(context), message: "must not be null")
        case .dataCorrupted(let context): return .init(field: path(context), message: context.debugDescription)
        @unknown default: return .init(field: "body", message: "cannot be read")
        }
    }
}

/// A Codable value answered as JSON with ISO 8601 dates.
struct QAJSON<Value: Encodable & Sendable>: ResponseGenerator {
    let value: Value
    init(_ value: Value) { self.value = value }

    func response(status: HTTPResponse.Status) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    func response(from request: Request, context: some RequestContext) throws -> Response { try response(status: .ok) }
}
