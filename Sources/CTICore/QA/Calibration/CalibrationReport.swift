/// How far several evaluators' scores of the same call agree (domain.md, QA calibration).
public struct CalibrationReport: Sendable, Hashable, Codable {
    /// One evaluator's result.
    public struct Entry: Sendable, Hashable, Codable {
        public var evaluatorID: String
        public var percent: Double?
        public var isExpert: Bool

        public init(evaluatorID: String, percent: Double?, isExpert: Bool) {
            self.evaluatorID = evaluatorID
            self.percent = percent
            self.isExpert = isExpert
        }
    }

    /// Agreement on one question.
    public struct QuestionAgreement: Sendable, Hashable, Codable {
        public var questionID: String
        /// The answer most evaluators gave (ties: the first in scorecard answer order).
        public var majorityAnswer: QAAnswer
        /// Share (0-1) of evaluators who gave the majority answer.
        public var agreement: Double
        /// Every answer given, by evaluator.
        public var answers: [String: QAAnswer]
        /// Not everyone gave the same answer.
        public var disagrees: Bool { agreement < 1 }
    }

    public var callID: String
    public var entries: [Entry]
    /// Over the non-expert evaluators' form scores.
    public var mean: Double?
    public var minimum: Double?
    public var maximum: Double?
    public var range: Double?
    /// Population standard deviation.
    public var standardDeviation: Double?
    /// Mean absolute deviation of the others from the expert's score, when an expert scored.
    public var meanAbsoluteDeviationFromExpert: Double?
    /// Per question, in scorecard order; disagreements first is the reader's choice.
    public var questions: [QuestionAgreement]

    /// The report for scored evaluations of one call on one scorecard; `expertID` marks the reference evaluator.
    public init(callID: String, scorecard: Scorecard, evaluations: [Evaluation], expertID: String? = nil) {
        self.callID = callID
        let scored = evaluations.filter { $0.callID == callID && $0.scorecardID == scorecard.id && $0.score != nil }
        entries = scored.map { Entry(evaluatorID: $0.evaluatorID, percent: $0.score?.percent, isExpert: $0.evaluatorID == expertID) }
        let others = entries.filter { !$0.isExpert }.compactMap(\.percent)
        if !others.isEmpty {
            let mean = others.reduce(0, +) / Double(others.count)
            self.mean = mean
            minimum = others.min()
            maximum = others.max()
            range = others.max()! - others.min()!
            standardDeviation = (others.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(others.count)).squareRoot()
            if let expert = entries.first(where: \.isExpert)?.percent {
                meanAbsoluteDeviationFromExpert = others.map { abs($0 - expert) }.reduce(0, +) / Double(others.count)
            }
        }
        questions = scorecard.questions.compactMap { question in
            var answers: [String: QAAnswer] = [:]
            for evaluation in scored { answers[evaluation.evaluatorID] = evaluation.answers[question.id] }
            guard !answers.isEmpty else { return nil }
            var counts: [QAAnswer: Int] = [:]
            for answer in answers.values { counts[answer, default: 0] += 1 }
            let best = counts.max { lhs, rhs in
                lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key.wireValue > rhs.key.wireValue
            }!
            return QuestionAgreement(
                questionID: question.id, majorityAnswer: best.key, agreement: Double(best.value) / Double(answers.count),
                answers: answers)
        }
    }
}
