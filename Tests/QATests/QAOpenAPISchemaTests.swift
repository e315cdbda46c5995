import CTIApp
import CTICore
import CTIServer
import Foundation
import NIOHTTP1
import Storage
import Testing

/// The QA operations in `/openapi.json` name exact schemas, and what the QA routes really send
/// and read fits them: no unknown field, no missing required one, every type right.
@Suite("QA API: the OpenAPI schemas match the real bodies", .serialized)
struct QAOpenAPISchemaTests {
    /// Problems of a JSON body (an HTTP reply or an encoded request) against a named schema, or `[name]` of each item.
    static func problems(_ body: Data, _ name: String, array: Bool = false) throws -> [String] {
        let value = try JSONDecoder().decode(JSONValue.self, from: body)
        guard array else { return APISchemas.problems(in: value, against: name) }
        guard case .array(let items) = value else { return ["not an array"] }
        return items.flatMap { APISchemas.problems(in: $0, against: name) }
    }

    static func encoded(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }

    @Test("every QA operation documents its request and reply with named schemas, never 'any JSON'")
    func noLooseBodies() throws {
        let qa = APIOperations.all.filter { $0.path.hasPrefix("/api/qa/") || $0.path.hasPrefix("/api/recordings/") }
        #expect(qa.count == 18)
        for operation in qa {
            if let body = operation.body { #expect(body != .any, "\(operation.method) \(operation.path)") }
            if case .json(let schema) = operation.reply {
                #expect(schema != .any && schema != .array(.any), "\(operation.method) \(operation.path)")
            }
        }
        let withBodies = qa.filter { $0.body != nil }.map { "\($0.method) \($0.path)" }
        #expect(Set(withBodies) == [
            "POST /api/qa/scorecards", "POST /api/qa/evaluations", "PUT /api/qa/evaluations/{id}", "POST /api/qa/evaluations/{id}/dispute",
            "POST /api/qa/evaluations/{id}/review", "POST /api/qa/calibrations",
        ])
        // The rendered document carries them.
        guard case .object(let document) = OpenAPIDocument.render(), case .object(let components)? = document["components"],
            case .object(let schemas)? = components["schemas"]
        else {
            Issue.record("no components")
            return
        }
        for name in ["Scorecard", "Evaluation", "QAWorkListItem", "QADraftRequest", "CalibrationReport", "PlaybackLink", "QAAnswer"] {
            #expect(schemas[name] != nil, "\(name)")
        }
    }

    @Test("request bodies: the Swift request types encode to exactly their schemas; mistakes are caught")
    func requests() throws {
        #expect(try Self.problems(Self.encoded(apiCard), "Scorecard").isEmpty)
        #expect(try Self.problems(Self.encoded(QAStartRequest(callID: "c1", scorecardID: "service")), "QAStartRequest").isEmpty)
        let draft = QADraftRequest(answers: ["q1": .yes, "q3": .scale(3), "q5": .notApplicable], comments: [QACommentRequest(offsetSeconds: 1.5, text: "hi")])
        #expect(try Self.problems(Self.encoded(draft), "QADraftRequest").isEmpty)
        #expect(try Self.problems(Self.encoded(QADisputeRequest(questionIDs: ["q4"], reason: "r")), "QADisputeRequest").isEmpty)
        #expect(try Self.problems(Self.encoded(QAReviewRequest(accept: false, revisedAnswers: ["q4": .no], note: "n")), "QAReviewRequest").isEmpty)
        let calibration = QACalibrationRequest(callID: "c1", scorecardID: "service", evaluatorIDs: ["a", "b"], expertID: "a")
        #expect(try Self.problems(Self.encoded(calibration), "QACalibrationRequest").isEmpty)

        // Wrong shapes are named field by field.
        let wrong = Data(#"{"answers":{"q1":"maybe","q2":true},"comments":[{"offsetSeconds":"1"}],"extra":1}"#.utf8)
        #expect(Set(try Self.problems(wrong, "QADraftRequest")) == [
            "answers.q1: must match one of 2 forms", "answers.q2: must match one of 2 forms", "comments[0].offsetSeconds: must be a number",
            "comments[0].text: is required", "extra: is not a known field",
        ])
        #expect(try Self.problems(Data(#"{"callID":"c1"}"#.utf8), "QAStartRequest") == ["scorecardID: is required"])
    }

    @Test("replies: work list, scorecards, evaluations through a dispute, calibration, reports, recording and playback link")
    func replies() async throws {
        try await QAFixture.with(settings: { QASettings(recordingsDirectory: $0, samplingRules: [.shortCalls(underSeconds: 60)]) }) { qa in
            let published = try await qa.send(.POST, "/api/qa/scorecards", as: "qa-lead", json: apiCard)
            #expect(published.status == 201)
            #expect(try Self.problems(published.body, "Scorecard").isEmpty)
            #expect(try Self.problems(try await qa.send(.GET, "/api/qa/scorecards", as: "1001").body, "Scorecard", array: true).isEmpty)
            #expect(try Self.problems(try await qa.send(.GET, "/api/qa/scorecards/service?version=1", as: "1001").body, "Scorecard").isEmpty)

            let list = try await qa.send(.GET, "/api/qa/worklist", as: "admin")
            #expect(list.list.count == 3)
            #expect(try Self.problems(list.body, "QAWorkListItem", array: true).isEmpty)

            let started = try await qa.send(.POST, "/api/qa/evaluations", as: "qa-2", json: QAStartRequest(callID: "c1", scorecardID: "service"))
            #expect(try Self.problems(started.body, "Evaluation").isEmpty)
            let id = try started.decode(Evaluation.self).id
            let draft = QADraftRequest(answers: ["q1": .yes, "q3": .scale(2), "q4": .no, "q5": .notApplicable], comments: [QACommentRequest(offsetSeconds: 3, text: "c")])
            let saved = try await qa.send(.PUT, "/api/qa/evaluations/\(id)", as: "qa-2", json: draft)
            #expect(saved.status == 200)
            #expect(try Self.problems(saved.body, "Evaluation").isEmpty)
            let submitted = try await qa.send(.POST, "/api/qa/evaluations/\(id)/submit", as: "qa-2")
            #expect(submitted.status == 200)
            #expect(try Self.problems(submitted.body, "Evaluation").isEmpty)
            let disputed = try await qa.send(.POST, "/api/qa/evaluations/\(id)/dispute", as: "1001", json: QADisputeRequest(questionIDs: ["q4"], reason: "r"))
            #expect(disputed.status == 200)
            #expect(try Self.problems(disputed.body, "Evaluation").isEmpty)
            let reviewed = try await qa.send(
                .POST, "/api/qa/evaluations/\(id)/review", as: "supervisor", json: QAReviewRequest(accept: true, revisedAnswers: ["q4": .yes], note: "ok"))
            #expect(reviewed.status == 200)
            #expect(try Self.problems(reviewed.body, "Evaluation").isEmpty)
            #expect(try Self.problems(try await qa.send(.GET, "/api/qa/evaluations", as: "1001").body, "Evaluation", array: true).isEmpty)

            let session = try await qa.send(
                .POST, "/api/qa/calibrations", as: "supervisor",
                json: QACalibrationRequest(callID: "c2", scorecardID: "service", evaluatorIDs: ["qa-lead", "qa-2"], expertID: "qa-lead"))
            #expect(session.status == 201)
            #expect(try Self.problems(session.body, "CalibrationSession").isEmpty)
            for evaluator in ["qa-lead", "qa-2"] {
                _ = try await QAScorecardReportAPITests.score(qa, "c2", by: evaluator, ["q1": .yes, "q3": .scale(evaluator == "qa-2" ? 1 : 4), "q4": .yes, "q5": .yes])
            }
            let sessionID = try session.decode(CalibrationSession.self).id
            let report = try await qa.send(.GET, "/api/qa/calibrations/\(sessionID)/report", as: "qa-lead")
            #expect(report.status == 200)
            #expect(try Self.problems(report.body, "CalibrationReport").isEmpty)
            for grouping in QAReport.Grouping.allCases {
                let lines = try await qa.send(.GET, "/api/qa/reports?by=\(grouping.rawValue)", as: "supervisor")
                #expect(!lines.list.isEmpty, "\(grouping)")
                #expect(try Self.problems(lines.body, "QAReportLine", array: true).isEmpty, "\(grouping)")
            }

            #expect(try Self.problems(try await qa.send(.GET, "/api/recordings/acd-c1", as: "1001").body, "Recording").isEmpty)
            let link = try await qa.send(.POST, "/api/recordings/acd-c1/playback", as: "1001")
            #expect(try Self.problems(link.body, "PlaybackLink").isEmpty)

            // The check is not blind: a reply with a field the schema lacks fails.
            var extended = try #require(try JSONSerialization.jsonObject(with: reviewed.body) as? [String: Any])
            extended["surprise"] = 1
            #expect(try Self.problems(JSONSerialization.data(withJSONObject: extended), "Evaluation") == ["surprise: is not a known field"])
        }
    }
}
