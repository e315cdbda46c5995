import CTICore
import Foundation
import Testing

@Suite("QA sampling and reports")
struct QASamplingReportTests {
    let monday = Date(timeIntervalSince1970: 1_795_996_800)  // 2026-11-30, a Monday, 00:00 UTC

    func candidates() -> [QASampleCandidate] {
        (0..<40).map { (i: Int) -> QASampleCandidate in
            let start: Date = monday.addingTimeInterval(Double(i) * 3600)
            let talk: Double = i % 10 == 0 ? 12 : 240
            let survey: Int = i % 7 == 0 ? 1 : 5
            return QASampleCandidate(
                callID: "c\(i)", agentID: "a\(i % 4)", queue: "support", startedAt: start, talkSeconds: talk, surveyScore: survey)
        }
    }

    @Test("N random calls per agent per week, short calls and low surveys; each call once; never to its own agent")
    func workList() {
        let items = QASampler.workList(
            candidates: candidates(), rules: [.randomPerAgent(count: 2, periodDays: 7), .shortCalls(underSeconds: 30), .lowSurvey(maxScore: 2)],
            evaluators: ["qa1", "a1"], alreadyEvaluated: ["c20"], periodStart: monday, seed: 9)
        #expect(Set(items.map(\.callID)).count == items.count)
        let random = items.filter { $0.reason.hasPrefix("random") }
        #expect(random.count == 8)
        #expect(Dictionary(grouping: random, by: \.agentID).mapValues(\.count) == ["a0": 2, "a1": 2, "a2": 2, "a3": 2])
        #expect(items.allSatisfy { $0.evaluatorID != $0.agentID })
        #expect(!items.contains { $0.callID == "c20" })
        let short = Set(candidates().filter { $0.talkSeconds < 30 && $0.callID != "c20" }.map(\.callID))
        #expect(short.isSubset(of: Set(items.map(\.callID))))
        let again = QASampler.workList(
            candidates: candidates(), rules: [.randomPerAgent(count: 2, periodDays: 7), .shortCalls(underSeconds: 30), .lowSurvey(maxScore: 2)],
            evaluators: ["qa1", "a1"], alreadyEvaluated: ["c20"], periodStart: monday, seed: 9)
        #expect(again == items)
    }

    @Test("averages per agent, question and week, and CSV that a spreadsheet cannot misread")
    func reports() {
        let rows = [
            QAReportRow(evaluationID: "1", agentID: "a1", team: "Blue", queue: "support", scoredAt: monday, percent: 80, questionPercents: ["q1": 100, "q2": 50]),
            QAReportRow(evaluationID: "2", agentID: "a1", team: "Blue", queue: "sales", scoredAt: monday + 86_400 * 8, percent: 90, questionPercents: ["q1": 100]),
            QAReportRow(evaluationID: "3", agentID: "=cmd,x", team: nil, queue: "support", scoredAt: monday + 3600, percent: 70, questionPercents: ["q2": 0]),
        ]
        let agents = QAReport.lines(rows, by: .agent)
        #expect(agents.map(\.key) == ["=cmd,x", "a1"])
        #expect(agents[1].average == 85)
        #expect(QAReport.lines(rows, by: .team).map(\.count) == [2])
        #expect(QAReport.lines(rows, by: .question).map(\.average) == [100, 25])
        #expect(QAReport.lines(rows, by: .week).map(\.key) == ["2026-11-30", "2026-12-07"])
        let csv = QAReport.csv(agents, keyHeader: "agent")
        #expect(csv == "agent,count,average,minimum,maximum\r\n\"'=cmd,x\",1,70.00,70.00,70.00\r\na1,2,85.00,80.00,90.00\r\n")
    }
}
