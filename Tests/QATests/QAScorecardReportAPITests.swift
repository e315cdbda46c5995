import CTIApp
import CTICore
import CTIServer
import Foundation
import NIOHTTP1
import Storage
import Testing

@Suite("QA API: scorecard versions, calibration, reports, work lists", .serialized)
struct QAScorecardReportAPITests {
    /// Scores `call` as `evaluator` with `answers` and submits.
    static func score(_ qa: QAFixture, _ call: String, by evaluator: String, _ answers: [String: QAAnswer]) async throws -> Evaluation {
        let started = try await qa.send(.POST, "/api/qa/evaluations", as: evaluator, json: QAStartRequest(callID: call, scorecardID: "service"))
        #expect(started.status == 201, "\(started.text)")
        let id = try started.decode(Evaluation.self).id
        #expect(try await qa.send(.PUT, "/api/qa/evaluations/\(id)", as: evaluator, json: QADraftRequest(answers: answers)).status == 200)
        let submitted = try await qa.send(.POST, "/api/qa/evaluations/\(id)/submit", as: evaluator)
        #expect(submitted.status == 200, "\(submitted.text)")
        return try submitted.decode(Evaluation.self)
    }

    @Test("editing a scorecard publishes a new version; an evaluation keeps the version it was scored on")
    func versions() async throws {
        try await QAFixture.with { qa in
            let v1 = try await qa.send(.POST, "/api/qa/scorecards", as: "qa-lead", json: apiCard)
            #expect(v1.status == 201)
            #expect(try v1.decode(Scorecard.self).version == 1)
            let first = try await Self.score(qa, "c1", by: "qa-lead", ["q1": .yes, "q3": .scale(4), "q4": .yes, "q5": .yes])
            var edited = apiCard
            edited.sections[0].questions[0].points = 40
            edited.passingMark = 95
            let v2 = try await qa.send(.POST, "/api/qa/scorecards", as: "admin", json: edited)
            #expect(v2.status == 201)
            #expect(try v2.decode(Scorecard.self).version == 2)
            #expect(try await qa.send(.GET, "/api/qa/scorecards/service", as: "1001").decode(Scorecard.self).version == 2)
            #expect(try await qa.send(.GET, "/api/qa/scorecards/service?version=1", as: "qa-lead").decode(Scorecard.self).sections[0].questions[0].points == 10)
            #expect(try await qa.send(.GET, "/api/qa/scorecards", as: "qa-lead").decode([Scorecard].self).map(\.version) == [2])
            let kept = try await qa.send(.GET, "/api/qa/evaluations/\(first.id)", as: "qa-lead").decode(Evaluation.self)
            #expect(kept.scorecardVersion == 1 && kept.score == first.score)
            let second = try await Self.score(qa, "c2", by: "qa-lead", ["q1": .no, "q3": .scale(4), "q4": .yes, "q5": .yes])
            #expect(second.scorecardVersion == 2)
            #expect(second.score == (try QAScorer.score(second.answers, on: { var card = edited; card.version = 2; return card }())))

            var broken = apiCard
            broken.sections[1].questions[0].id = "q1"
            broken.passingMark = -5
            let refused = try await qa.send(.POST, "/api/qa/scorecards", as: "qa-lead", json: broken)
            #expect(refused.status == 422)
            #expect(refused.problemFields == ["passingMark", "sections[1].questions[0].id"])
            #expect(try await qa.send(.POST, "/api/qa/scorecards", as: "supervisor", json: apiCard).status == 403)
            #expect(try await qa.send(.POST, "/api/qa/scorecards", as: "1001", json: apiCard).status == 403)
            #expect(try await qa.send(.GET, "/api/qa/scorecards/service?version=0", as: "qa-lead").status == 400)
            #expect(try await qa.send(.GET, "/api/qa/scorecards/service?version=9", as: "qa-lead").status == 404)
        }
    }

    @Test("calibration: three evaluators score one call; the report shows each score, the spread and the questions that disagree")
    func calibration() async throws {
        try await QAFixture.with { qa in
            #expect(try await qa.send(.POST, "/api/qa/scorecards", as: "qa-lead", json: apiCard).status == 201)
            let created = try await qa.send(
                .POST, "/api/qa/calibrations", as: "supervisor",
                json: QACalibrationRequest(callID: "c2", scorecardID: "service", evaluatorIDs: ["qa-lead", "qa-2", "supervisor"], expertID: "qa-lead"))
            #expect(created.status == 201, "\(created.text)")
            let session = try created.decode(CalibrationSession.self)
            let a = try await Self.score(qa, "c2", by: "qa-lead", ["q1": .yes, "q3": .scale(4), "q4": .yes, "q5": .yes])
            let b = try await Self.score(qa, "c2", by: "qa-2", ["q1": .yes, "q3": .scale(2), "q4": .yes, "q5": .yes])
            let c = try await Self.score(qa, "c2", by: "supervisor", ["q1": .no, "q3": .scale(2), "q4": .yes, "q5": .yes])
            let report = try await qa.send(.GET, "/api/qa/calibrations/\(session.id)/report", as: "qa-2")
            #expect(report.status == 200)
            let calibration = try report.decode(CalibrationReport.self)
            #expect(Set(calibration.entries) == Set([a, b, c].map {
                CalibrationReport.Entry(evaluatorID: $0.evaluatorID, percent: $0.score?.percent, isExpert: $0.evaluatorID == "qa-lead")
            }))
            let others = [b.score!.percent!, c.score!.percent!]
            #expect(abs(calibration.range! - abs(others[0] - others[1])) < 1e-9)
            #expect(abs(calibration.meanAbsoluteDeviationFromExpert! - others.map { abs($0 - 100) }.reduce(0, +) / 2) < 1e-9)
            #expect(calibration.questions.filter(\.disagrees).map(\.questionID) == ["q1", "q3"])

            let badEvaluator = try await qa.send(
                .POST, "/api/qa/calibrations", as: "supervisor",
                json: QACalibrationRequest(callID: "c2", scorecardID: "service", evaluatorIDs: ["qa-lead", "1001", "ghost"]))
            #expect(badEvaluator.status == 422 && badEvaluator.problemFields == ["evaluatorIDs[1]", "evaluatorIDs[2]"])
            let one = try await qa.send(
                .POST, "/api/qa/calibrations", as: "supervisor", json: QACalibrationRequest(callID: "c2", scorecardID: "service", evaluatorIDs: ["qa-lead"]))
            #expect(one.status == 422 && one.problemFields == ["evaluatorIDs"])
            #expect(try await qa.send(.GET, "/api/qa/calibrations/\(session.id)/report", as: "1002").status == 403)
            #expect(try await qa.send(.GET, "/api/qa/calibrations/nope/report", as: "qa-2").status == 404)
        }
    }

    @Test("reports average per agent, queue and question, as JSON and CSV; bad groupings, formats and dates are 400")
    func reports() async throws {
        try await QAFixture.with { qa in
            #expect(try await qa.send(.POST, "/api/qa/scorecards", as: "qa-lead", json: apiCard).status == 201)
            let one = try await Self.score(qa, "c1", by: "qa-lead", ["q1": .yes, "q3": .scale(4), "q4": .yes, "q5": .yes])
            let two = try await Self.score(qa, "c2", by: "qa-lead", ["q1": .yes, "q3": .scale(2), "q4": .no, "q5": .yes])
            let three = try await Self.score(qa, "c3", by: "qa-2", ["q1": .no, "q3": .scale(0), "q4": .yes, "q5": .yes])
            let byAgent = try await qa.send(.GET, "/api/qa/reports?by=agent", as: "supervisor").decode([QAReport.Line].self)
            #expect(byAgent.map(\.key) == ["1001", "1002", "qa-lead"])
            #expect(byAgent.map(\.average) == [one, two, three].map { $0.score!.percent! })
            let byQueue = try await qa.send(.GET, "/api/qa/reports?by=queue", as: "qa-lead").decode([QAReport.Line].self)
            #expect(byQueue.map(\.key) == ["sales", "support"])
            #expect(byQueue[1].count == 2 && abs(byQueue[1].average - (one.score!.percent! + three.score!.percent!) / 2) < 1e-9)
            let byTeam = try await qa.send(.GET, "/api/qa/reports?by=team", as: "qa-lead").decode([QAReport.Line].self)
            #expect(byTeam.map(\.key) == ["floor-1"] && byTeam[0].count == 2)
            let byQuestion = try await qa.send(.GET, "/api/qa/reports?by=question", as: "qa-lead").decode([QAReport.Line].self)
            #expect(byQuestion.first { $0.key == "q4" }?.average == 200.0 / 3)
            let csv = try await qa.send(.GET, "/api/qa/reports?by=agent&format=csv", as: "supervisor")
            #expect(csv.status == 200 && csv.headers["content-type"]?.hasPrefix("text/csv") == true)
            #expect(csv.text == QAReport.csv(byAgent, keyHeader: "agent"))
            let future = try await qa.send(.GET, "/api/qa/reports?by=agent&from=2999-01-01", as: "supervisor").decode([QAReport.Line].self)
            #expect(future.isEmpty)
            #expect(try await qa.send(.GET, "/api/qa/reports?by=mood", as: "supervisor").problemFields == ["by"])
            #expect(try await qa.send(.GET, "/api/qa/reports?format=xls", as: "supervisor").status == 400)
            #expect(try await qa.send(.GET, "/api/qa/reports?from=yesterday", as: "supervisor").problemFields == ["from"])
            #expect(try await qa.send(.GET, "/api/qa/reports", as: "1001").status == 403)
        }
    }

    @Test("work lists: sampled calls dealt among evaluators, never an evaluator's own call, gone once submitted")
    func workList() async throws {
        try await QAFixture.with(settings: { QASettings(recordingsDirectory: $0, samplingRules: [.shortCalls(underSeconds: 60)]) }) { qa in
            #expect(try await qa.send(.POST, "/api/qa/scorecards", as: "qa-lead", json: apiCard).status == 201)
            var dealt: [String: [QAWorkListItem]] = [:]
            for evaluator in ["qa-lead", "qa-2", "supervisor"] {
                let reply = try await qa.send(.GET, "/api/qa/worklist", as: evaluator)
                #expect(reply.status == 200)
                dealt[evaluator] = try reply.decode([QAWorkListItem].self)
                #expect(dealt[evaluator]!.allSatisfy { $0.evaluatorID == evaluator && $0.agentID != evaluator })
            }
            let all = dealt.values.flatMap { $0 }
            #expect(all.map(\.callID).sorted() == ["c1", "c2", "c3"])
            #expect(all.allSatisfy { $0.recordingID == "acd-\($0.callID)" && $0.reason == "talk under 60 s" })
            #expect(try await qa.send(.GET, "/api/qa/worklist", as: "admin").decode([QAWorkListItem].self).count == 3)
            #expect(try await qa.send(.GET, "/api/qa/worklist", as: "1001").status == 403)

            let item = try #require(dealt["qa-2"]?.first)
            let started = try await qa.send(.POST, "/api/qa/evaluations", as: "qa-2", json: QAStartRequest(callID: item.callID, scorecardID: "service"))
            let draft = try started.decode(Evaluation.self)
            let mine = try await qa.send(.GET, "/api/qa/worklist", as: "qa-2").decode([QAWorkListItem].self)
            #expect(mine.first { $0.callID == item.callID }?.draftID == draft.id)
            _ = try await qa.send(.PUT, "/api/qa/evaluations/\(draft.id)", as: "qa-2", json: QADraftRequest(answers: ["q1": .yes, "q3": .scale(1), "q4": .yes, "q5": .yes]))
            #expect(try await qa.send(.POST, "/api/qa/evaluations/\(draft.id)/submit", as: "qa-2").status == 200)
            let admin = try await qa.send(.GET, "/api/qa/worklist", as: "admin").decode([QAWorkListItem].self)
            #expect(!admin.map(\.callID).contains(item.callID) && admin.count == 2)
        }
    }
}
