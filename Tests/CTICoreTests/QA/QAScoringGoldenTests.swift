import CTICore
import Foundation
import Testing

/// The QA scoring golden cases of domain.md, reproduced exactly.
@Suite("QA scoring goldens")
struct QAScoringGoldenTests {
    /// Section A (Greeting): q1 yes/no w10, q2 yes/no w5, q3 scale 0..4 w20; section B (Resolution):
    /// q4 yes/no w30, q5 yes/no w10 form-critical.
    static let pointsCard = Scorecard(
        id: "golden", name: "Golden", passingMark: 80,
        sections: [
            ScorecardSection(id: "A", title: "Greeting", questions: [
                ScorecardQuestion(id: "q1", text: "Greets", points: 10),
                ScorecardQuestion(id: "q2", text: "Names the company", points: 5),
                ScorecardQuestion(id: "q3", text: "Tone", kind: .scale(max: 4), points: 20),
            ]),
            ScorecardSection(id: "B", title: "Resolution", questions: [
                ScorecardQuestion(id: "q4", text: "Resolves", points: 30),
                ScorecardQuestion(id: "q5", text: "Verifies identity", points: 10, critical: .form),
            ]),
        ])

    @Test("points: 65 of 70 = 92.86 %, N/A out of both sides, passes")
    func pointsGolden() throws {
        let score = try QAScorer.score(["q1": .yes, "q2": .notApplicable, "q3": .scale(3), "q4": .yes, "q5": .yes], on: Self.pointsCard)
        #expect(abs(score.percent! - 92.857) < 0.001)
        #expect(score.passed)
        #expect(!score.autoFailed)
        #expect(score.sections.map(\.earned) == [25, 40])
        #expect(score.sections.map(\.possible) == [30, 40])
        #expect(score.questions[1].earned == nil && score.questions[1].possible == nil)
    }

    @Test("a form-critical no auto-fails to 0 %, raw 55/70 = 78.57 % shown beside it")
    func autoFail() throws {
        let score = try QAScorer.score(["q1": .yes, "q2": .notApplicable, "q3": .scale(3), "q4": .yes, "q5": .no], on: Self.pointsCard)
        #expect(score.percent == 0)
        #expect(abs(score.rawPercent! - 78.571) < 0.001)
        #expect(score.autoFailed)
        #expect(!score.passed)
        #expect(score.questions[4].failedCritical)
    }

    @Test("q4 N/A and q5 yes: 35 of 40 = 87.5 %")
    func notApplicableQuestion() throws {
        let score = try QAScorer.score(
            ["q1": .yes, "q2": .notApplicable, "q3": .scale(3), "q4": .notApplicable, "q5": .yes], on: Self.pointsCard)
        #expect(score.percent == 87.5)
    }

    /// Golden 19: Opening (w 20): 1/1, 2/2, N/A; Resolution (w 50): 3/5, 0/5, 2/2; Compliance (w 30):
    /// 1/1 and a fail-form question 1/1.
    static func weightedCard(mode: QAScoringMode, zeroQuestionCritical: ScorecardQuestion.Criticality = .none) -> Scorecard {
        Scorecard(
            id: "weighted", name: "Weighted", passingMark: 60, mode: mode,
            sections: [
                ScorecardSection(id: "opening", title: "Opening", weight: 20, questions: [
                    ScorecardQuestion(id: "o1", text: "o1", points: 1),
                    ScorecardQuestion(id: "o2", text: "o2", kind: .scale(max: 2), points: 2),
                    ScorecardQuestion(id: "o3", text: "o3", points: 1),
                ]),
                ScorecardSection(id: "resolution", title: "Resolution", weight: 50, questions: [
                    ScorecardQuestion(id: "r1", text: "r1", kind: .scale(max: 5), points: 5),
                    ScorecardQuestion(id: "r2", text: "r2", kind: .scale(max: 5), points: 5, critical: zeroQuestionCritical),
                    ScorecardQuestion(id: "r3", text: "r3", kind: .scale(max: 2), points: 2),
                ]),
                ScorecardSection(id: "compliance", title: "Compliance", weight: 30, questions: [
                    ScorecardQuestion(id: "c1", text: "c1", points: 1),
                    ScorecardQuestion(id: "c2", text: "c2", points: 1, critical: .form),
                ]),
            ])
    }

    static let weightedAnswers: [String: QAAnswer] = [
        "o1": .yes, "o2": .scale(2), "o3": .notApplicable, "r1": .scale(3), "r2": .scale(0), "r3": .scale(2), "c1": .yes, "c2": .yes,
    ]

    func percent(_ card: Scorecard, _ changes: [String: QAAnswer] = [:]) throws -> Double? {
        try QAScorer.score(Self.weightedAnswers.merging(changes) { _, new in new }, on: card).percent
    }

    @Test("section-weighted: 70.83; fail-form no → 0; Compliance all N/A → 58.33; fail-section 0/5 → 50.00")
    func sectionWeightedGolden() throws {
        let card = Self.weightedCard(mode: .sectionWeighted)
        #expect(abs(try percent(card)! - 70.83) < 0.005)
        #expect(try percent(card, ["c2": .no]) == 0)
        #expect(abs(try percent(card, ["c1": .notApplicable, "c2": .notApplicable])! - 58.33) < 0.005)
        let failSection = Self.weightedCard(mode: .sectionWeighted, zeroQuestionCritical: .section)
        #expect(abs(try percent(failSection)! - 50.00) < 0.005)
    }

    @Test("points × weight (Genesys): 51.39")
    func pointsTimesWeightGolden() throws {
        #expect(abs(try percent(Self.weightedCard(mode: .pointsTimesWeight))! - 51.39) < 0.005)
    }

    @Test("a form of nothing but N/A has no score and does not pass")
    func allNotApplicable() throws {
        let score = try QAScorer.score(
            ["q1": .notApplicable, "q2": .notApplicable, "q3": .notApplicable, "q4": .notApplicable, "q5": .notApplicable],
            on: Self.pointsCard)
        #expect(score.percent == nil)
        #expect(!score.passed)
        #expect(score.sections.allSatisfy { $0.percent == nil })
    }

    static func scored(_ evaluator: String, _ answers: [String: QAAnswer], on card: Scorecard) throws -> Evaluation {
        var evaluation = Evaluation(
            id: evaluator, callID: "call-1", agentID: "agent", evaluatorID: evaluator, scorecardID: card.id,
            scorecardVersion: card.version, createdAt: .init(timeIntervalSince1970: 0))
        evaluation.answers = answers
        evaluation.score = try QAScorer.score(answers, on: card)
        return evaluation
    }

    @Test("calibration: 80/70/90 against an expert's 85 → population SD 8.165, MAD 8.33")
    func calibrationGolden() throws {
        let card = Scorecard(
            id: "cal", name: "Calibration", passingMark: 50,
            sections: [ScorecardSection(id: "s", title: "S", questions: [
                ScorecardQuestion(id: "q", text: "q", kind: .scale(max: 100), points: 100)
            ])])
        let evaluations = try [("e1", 80), ("e2", 70), ("e3", 90), ("expert", 85)].map {
            try Self.scored($0.0, ["q": .scale($0.1)], on: card)
        }
        let report = CalibrationReport(callID: "call-1", scorecard: card, evaluations: evaluations, expertID: "expert")
        #expect(report.mean == 80)
        #expect(abs(report.standardDeviation! - 8.165) < 0.0005)
        #expect(abs(report.meanAbsoluteDeviationFromExpert! - 8.333) < 0.0005)
        #expect(report.range == 20)
        #expect(report.entries.filter(\.isExpert).map(\.evaluatorID) == ["expert"])
    }

    @Test("calibration shows which questions the evaluators disagree on")
    func calibrationAgreement() throws {
        let card = Self.pointsCard
        let base: [String: QAAnswer] = ["q1": .yes, "q2": .notApplicable, "q3": .scale(3), "q4": .yes, "q5": .yes]
        let evaluations = [
            try Self.scored("e1", base, on: card),
            try Self.scored("e2", base.merging(["q4": .no]) { _, new in new }, on: card),
            try Self.scored("e3", base.merging(["q3": .scale(4)]) { _, new in new }, on: card),
            try Self.scored("e4", base, on: card),
        ]
        let report = CalibrationReport(callID: "call-1", scorecard: card, evaluations: evaluations)
        let byQuestion = Dictionary(uniqueKeysWithValues: report.questions.map { ($0.questionID, $0) })
        #expect(byQuestion["q1"]?.agreement == 1)
        #expect(byQuestion["q4"]?.majorityAnswer == .yes)
        #expect(byQuestion["q4"]?.agreement == 0.75)
        #expect(byQuestion["q3"]?.disagrees == true)
        #expect(report.questions.filter(\.disagrees).map(\.questionID) == ["q3", "q4"])
        #expect(report.meanAbsoluteDeviationFromExpert == nil)
    }
}
