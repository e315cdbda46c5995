import CTICore
import Foundation
import Testing

@Suite("QA scorecards and answers: bad input")
struct ScorecardValidationTests {
    @Test("every problem of a broken scorecard is listed with its field")
    func brokenScorecard() {
        let card = Scorecard(
            id: " ", version: 0, name: "", passingMark: 120,
            sections: [
                ScorecardSection(id: "a", title: "A", weight: 0, questions: [
                    ScorecardQuestion(id: "q", text: "q", points: 0),
                    ScorecardQuestion(id: "q", text: " ", kind: .scale(max: 0), points: .nan, weight: -1),
                ]),
                ScorecardSection(id: "a", title: "B", questions: []),
            ])
        let fields = ScorecardValidator.problems(in: card).map(\.field)
        #expect(fields == [
            "id", "name", "version", "passingMark",
            "sections[0].weight", "sections[0].questions[0].points",
            "sections[0].questions[1].id", "sections[0].questions[1].text", "sections[0].questions[1].points",
            "sections[0].questions[1].kind", "sections[0].questions[1].weight",
            "sections[1].id", "sections[1].questions",
        ])
        #expect(throws: ScorecardValidationError.self) { try ScorecardValidator.validate(card) }
        #expect(ScorecardValidator.problems(in: QAScoringGoldenTests.pointsCard).isEmpty)
    }

    @Test("answers of the wrong kind, out of range, N/A where refused, or unknown are all reported")
    func badAnswers() {
        var card = QAScoringGoldenTests.pointsCard
        card.sections[1].questions[1].allowsNA = false
        let problems = QAScorer.problems(
            in: ["q1": .scale(1), "q3": .yes, "q4": .scale(7), "q5": .notApplicable, "zz": .yes], on: card, complete: true)
        let codes = Dictionary(problems.map { ($0.questionID, $0.code) }, uniquingKeysWith: { a, _ in a })
        #expect(codes == [
            "zz": .unknownQuestion, "q1": .wrongKind, "q2": .missing, "q3": .wrongKind, "q4": .wrongKind, "q5": .notApplicableNotAllowed,
        ])
        let range = QAScorer.problems(in: ["q3": .scale(5)], on: card, complete: false)
        #expect(range.map(\.code) == [.outOfRange])
    }

    @Test("answers read from JSON: yes, no, na and numbers; anything else is a clear decoding error")
    func answerJSON() throws {
        let decoded = try JSONDecoder().decode([String: QAAnswer].self, from: Data(#"{"a":"yes","b":"NO","c":"n/a","d":3}"#.utf8))
        #expect(decoded == ["a": .yes, "b": .no, "c": .notApplicable, "d": .scale(3)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([String: QAAnswer].self, from: Data(#"{"a":"maybe"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([String: QAAnswer].self, from: Data(#"{"a":true}"#.utf8)) }
        let encoded = String(decoding: try JSONEncoder().encode(QAAnswer.notApplicable), as: UTF8.self)
        #expect(encoded == #""na""#)
    }
}
