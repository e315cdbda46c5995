/// The result of scoring a set of answers on a scorecard.
public struct QAScore: Sendable, Hashable, Codable {
    /// The form score in percent; `nil` when every question was N/A.
    public var percent: Double?
    /// The score before critical questions zeroed sections or the form, for the report.
    public var rawPercent: Double?
    /// A form-critical question failed: the form scores 0.
    public var autoFailed: Bool
    /// `percent` reached the scorecard's passing mark.
    public var passed: Bool
    /// Per section, in scorecard order.
    public var sections: [QASectionScore]
    /// Per question, in scorecard order.
    public var questions: [QAQuestionScore]

    public init(
        percent: Double?, rawPercent: Double?, autoFailed: Bool, passed: Bool, sections: [QASectionScore],
        questions: [QAQuestionScore]
    ) {
        self.percent = percent
        self.rawPercent = rawPercent
        self.autoFailed = autoFailed
        self.passed = passed
        self.sections = sections
        self.questions = questions
    }
}

/// One section's points and percentage.
public struct QASectionScore: Sendable, Hashable, Codable {
    public var sectionID: String
    /// Points earned (0 when a section-critical question failed).
    public var earned: Double
    /// Points possible over the non-N/A questions.
    public var possible: Double
    /// earned / possible in percent; `nil` when every question in it was N/A.
    public var percent: Double?
    /// A section-critical question failed.
    public var zeroed: Bool

    public init(sectionID: String, earned: Double, possible: Double, percent: Double?, zeroed: Bool) {
        self.sectionID = sectionID
        self.earned = earned
        self.possible = possible
        self.percent = percent
        self.zeroed = zeroed
    }
}

/// One question's answer and points.
public struct QAQuestionScore: Sendable, Hashable, Codable {
    public var questionID: String
    public var answer: QAAnswer
    /// Points earned; `nil` for N/A.
    public var earned: Double?
    /// Points possible; `nil` for N/A.
    public var possible: Double?
    /// The answer is the failing one of a critical question.
    public var failedCritical: Bool

    /// Whether the answer is below the question's maximum (what a dispute may contest).
    public var isBelowMaximum: Bool {
        guard let earned, let possible else { return false }
        return earned < possible
    }

    public init(questionID: String, answer: QAAnswer, earned: Double?, possible: Double?, failedCritical: Bool) {
        self.questionID = questionID
        self.answer = answer
        self.earned = earned
        self.possible = possible
        self.failedCritical = failedCritical
    }
}
