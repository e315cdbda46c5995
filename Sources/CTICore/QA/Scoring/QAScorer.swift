/// Scores answers on a scorecard exactly as domain.md defines (points, section-weighted and
/// points × weight modes; N/A out of both sides; section- and form-critical questions).
public enum QAScorer {
    /// Checks answers against the scorecard; `complete` also requires every question answered.
    public static func problems(
        in answers: [String: QAAnswer], on scorecard: Scorecard, complete: Bool
    ) -> [QAAnswerError.Problem] {
        var problems: [QAAnswerError.Problem] = []
        let known = Set(scorecard.questions.map(\.id))
        for id in answers.keys.sorted() where !known.contains(id) {
            problems.append(.init(.unknownQuestion, question: id, "is not on scorecard \(scorecard.id) v\(scorecard.version)"))
        }
        for question in scorecard.questions {
            guard let answer = answers[question.id] else {
                if complete { problems.append(.init(.missing, question: question.id, "has no answer")) }
                continue
            }
            switch (question.kind, answer) {
            case (_, .notApplicable):
                if !question.allowsNA {
                    problems.append(.init(.notApplicableNotAllowed, question: question.id, "does not allow N/A"))
                }
            case (.yesNo, .yes), (.yesNo, .no):
                break
            case (.yesNo, .scale(let value)):
                problems.append(.init(.wrongKind, question: question.id, "expects yes, no or N/A, got \(value)"))
            case (.scale(let max), .scale(let value)):
                if !(0...max).contains(value) {
                    problems.append(.init(.outOfRange, question: question.id, "expects 0 to \(max), got \(value)"))
                }
            case (.scale(let max), _):
                problems.append(.init(.wrongKind, question: question.id, "expects a value from 0 to \(max), got \(answer)"))
            }
        }
        return problems
    }

    /// The score of a complete set of answers.
    public static func score(_ answers: [String: QAAnswer], on scorecard: Scorecard) throws(QAAnswerError) -> QAScore {
        let problems = problems(in: answers, on: scorecard, complete: true)
        guard problems.isEmpty else { throw QAAnswerError(problems: problems) }

        var questionScores: [QAQuestionScore] = []
        var sections: [Tally] = []
        var autoFailed = false
        for section in scorecard.sections {
            var tally = Tally(section: section)
            for question in section.questions {
                let scored = score(question, answers[question.id]!)
                questionScores.append(scored)
                if scored.failedCritical {
                    if question.critical == .section { tally.zeroed = true }
                    if question.critical == .form { autoFailed = true }
                }
                guard let earned = scored.earned, let possible = scored.possible else { continue }
                let weight = question.weight ?? section.weight
                tally.earned += earned
                tally.possible += possible
                tally.weightedEarned += earned * weight
                tally.weightedPossible += possible * weight
            }
            sections.append(tally)
        }

        let raw = formPercent(sections, mode: scorecard.mode, applyCritical: false)
        var percent = formPercent(sections, mode: scorecard.mode, applyCritical: true)
        if autoFailed, percent != nil { percent = 0 }
        return QAScore(
            percent: percent, rawPercent: raw, autoFailed: autoFailed,
            passed: percent.map { $0 >= scorecard.passingMark - 1e-9 } ?? false,
            sections: sections.map { $0.result }, questions: questionScores)
    }

    private struct Tally {
        let section: ScorecardSection
        var earned = 0.0
        var possible = 0.0
        var weightedEarned = 0.0
        var weightedPossible = 0.0
        var zeroed = false

        init(section: ScorecardSection) { self.section = section }

        func percent(applyCritical: Bool) -> Double? {
            guard possible > 0 else { return nil }
            return applyCritical && zeroed ? 0 : earned / possible * 100
        }

        var result: QASectionScore {
            QASectionScore(
                sectionID: section.id, earned: zeroed ? 0 : earned, possible: possible,
                percent: percent(applyCritical: true), zeroed: zeroed)
        }
    }

    private static func score(_ question: ScorecardQuestion, _ answer: QAAnswer) -> QAQuestionScore {
        let earned: Double?
        switch (question.kind, answer) {
        case (_, .notApplicable): earned = nil
        case (_, .yes): earned = question.points
        case (_, .no): earned = 0
        case (.scale(let max), .scale(let value)): earned = question.points * Double(value) / Double(max)
        case (.yesNo, .scale): earned = nil  // refused by problems(in:on:complete:)
        }
        let failed: Bool =
            switch answer {
            case .no: true
            case .scale(let value): value == 0
            case .yes, .notApplicable: false
            }
        return QAQuestionScore(
            questionID: question.id, answer: answer, earned: earned, possible: earned == nil ? nil : question.points,
            failedCritical: failed && question.critical != .none)
    }

    private static func formPercent(_ sections: [Tally], mode: QAScoringMode, applyCritical: Bool) -> Double? {
        switch mode {
        case .points:
            let possible = sections.reduce(0.0) { $0 + $1.possible }
            guard possible > 0 else { return nil }
            let earned = sections.reduce(0.0) { $0 + (applyCritical && $1.zeroed ? 0.0 : $1.earned) }
            return earned / possible * 100
        case .sectionWeighted:
            var weighted = 0.0
            var weights = 0.0
            for section in sections {
                guard let percent = section.percent(applyCritical: applyCritical) else { continue }
                weighted += section.section.weight * percent
                weights += section.section.weight
            }
            return weights > 0 ? weighted / weights : nil
        case .pointsTimesWeight:
            let possible = sections.reduce(0.0) { $0 + $1.weightedPossible }
            guard possible > 0 else { return nil }
            let earned = sections.reduce(0.0) { $0 + (applyCritical && $1.zeroed ? 0.0 : $1.weightedEarned) }
            return earned / possible * 100
        }
    }
}
