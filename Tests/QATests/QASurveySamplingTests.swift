import CTIApp
import CTICore
import CTIServer
import Foundation
import NIOHTTP1
import Storage
import Testing

@Suite("QA API: calls whose caller gave a low survey score go on the work list", .serialized)
struct QASurveySamplingTests {
    /// The post-call survey the caller of `call` (the ACD names calls after the caller's channel) answered.
    static func survey(_ call: String, _ scores: [Int]) -> IVRSurveyResult {
        IVRSurveyResult(
            survey: "csat", flowID: "post-call", flowVersion: 1, channelID: call, callerID: "+84912345678",
            answers: scores.enumerated().map { .init(question: "q\($0.offset)", score: $0.element) }, completedAt: Date())
    }

    @Test("a low-scored call is listed with reason 'survey score 2 or less'; a high score and no survey are not")
    func lowSurvey() async throws {
        try await QAFixture.with(settings: { QASettings(recordingsDirectory: $0, samplingRules: [.lowSurvey(maxScore: 2)]) }) { qa in
            _ = try await qa.store.ivrOutcomes.record(survey: Self.survey("c1", [1, 2]))  // average 1.5
            _ = try await qa.store.ivrOutcomes.record(survey: Self.survey("c2", [5, 4]))  // average 4.5
            // c3 has no survey.
            let all = try await qa.send(.GET, "/api/qa/worklist", as: "admin").decode([QAWorkListItem].self)
            #expect(all.map(\.callID) == ["c1"])
            let item = try #require(all.first)
            #expect(item.reason == "survey score 2 or less")
            #expect(item.recordingID == "acd-c1" && item.agentID == "1001" && item.durationSeconds == 40)
            let mine = try await qa.send(.GET, "/api/qa/worklist", as: item.evaluatorID).decode([QAWorkListItem].self)
            #expect(mine.map(\.callID) == ["c1"])

            // The caller of c2 answers again, badly: the lowest survey counts.
            _ = try await qa.store.ivrOutcomes.record(survey: Self.survey("c2", [2]))
            let again = try await qa.send(.GET, "/api/qa/worklist", as: "admin").decode([QAWorkListItem].self)
            #expect(again.map(\.callID).sorted() == ["c1", "c2"])
            #expect(again.allSatisfy { $0.reason == "survey score 2 or less" })
        }
    }

    @Test("an average just above the mark (2.5 for 'score 2 or less') is not listed; earlier rules name the reason")
    func boundaryAndOrder() async throws {
        let rules: [QASamplingRule] = [.shortCalls(underSeconds: 30), .lowSurvey(maxScore: 2)]
        try await QAFixture.with(settings: { QASettings(recordingsDirectory: $0, samplingRules: rules) }) { qa in
            _ = try await qa.store.ivrOutcomes.record(survey: Self.survey("c1", [2, 3]))  // 2.5: not low
            _ = try await qa.store.ivrOutcomes.record(survey: Self.survey("c2", [1]))  // short (25 s) and low
            _ = try await qa.store.ivrOutcomes.record(survey: Self.survey("c3", [2]))  // low
            let all = try await qa.send(.GET, "/api/qa/worklist", as: "admin").decode([QAWorkListItem].self)
            let reasons = Dictionary(uniqueKeysWithValues: all.map { ($0.callID, $0.reason) })
            #expect(reasons == ["c2": "talk under 30 s", "c3": "survey score 2 or less"])
            // c3 was taken by qa-lead: never on their own list.
            #expect(all.first { $0.callID == "c3" }?.evaluatorID != "qa-lead")
        }
    }

    @Test("the default sampling rules include low surveys")
    func defaults() {
        #expect(QASettings().samplingRules.contains(.lowSurvey(maxScore: 2)))
    }
}
