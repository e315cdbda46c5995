import Foundation

/// The rules of an evaluation's life (domain.md golden 20): who may do what, when.
///
/// Pure: each step takes the evaluation, the person acting and the time, and returns the
/// changed evaluation or a ``QAWorkflowError``; storing it is the caller's business.
public struct EvaluationWorkflow: Sendable {
    /// How long an agent has to dispute after submission.
    public var disputeWindow: TimeInterval

    public init(disputeWindow: TimeInterval = 7 * 24 * 3600) {
        self.disputeWindow = disputeWindow
    }

    /// A new draft; refused when the evaluator handled the call, or already evaluated it on this scorecard.
    public func start(
        id: String, callID: String, recordingID: String?, agentID: String, evaluatorID: String,
        scorecard: Scorecard, existing: [Evaluation], now: Date
    ) throws(QAWorkflowError) -> Evaluation {
        guard evaluatorID != agentID else { throw .notAllowed("evaluators cannot score their own calls") }
        try checkNoDuplicate(callID: callID, evaluatorID: evaluatorID, scorecardID: scorecard.id, existing: existing, except: id)
        return Evaluation(
            id: id, callID: callID, recordingID: recordingID, agentID: agentID, evaluatorID: evaluatorID,
            scorecardID: scorecard.id, scorecardVersion: scorecard.version, createdAt: now)
    }

    /// Replaces some answers of a draft (partial answers allowed until submission).
    public func answer(
        _ evaluation: Evaluation, with answers: [String: QAAnswer], by actorID: String, on scorecard: Scorecard
    ) throws(QAWorkflowError) -> Evaluation {
        try requireEvaluator(evaluation, actorID, action: "edit")
        try requireState(evaluation, .draft, action: "edit")
        try requireScorecard(evaluation, scorecard)
        var changed = evaluation
        changed.answers.merge(answers) { _, new in new }
        let problems = QAScorer.problems(in: changed.answers, on: scorecard, complete: false)
        guard problems.isEmpty else { throw .answers(QAAnswerError(problems: problems)) }
        return changed
    }

    /// Pins a comment to a moment of the recording (`duration` bounds it when known).
    public func comment(
        _ evaluation: Evaluation, at offsetSeconds: Double, text: String, by actorID: String,
        recordingDuration duration: Double?, now: Date
    ) throws(QAWorkflowError) -> Evaluation {
        try requireEvaluator(evaluation, actorID, action: "comment on")
        try requireState(evaluation, .draft, action: "comment on")
        guard offsetSeconds.isFinite, offsetSeconds >= 0, offsetSeconds <= (duration ?? .greatestFiniteMagnitude) else {
            throw .invalidInput("a comment's offset must be within the recording, got \(offsetSeconds) s")
        }
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 4_000 else { throw .invalidInput("a comment needs 1 to 4,000 characters") }
        var changed = evaluation
        changed.comments.append(TimedComment(offsetSeconds: offsetSeconds, authorID: actorID, text: text, at: now))
        changed.comments.sort { $0.offsetSeconds < $1.offsetSeconds }
        return changed
    }

    /// Scores a complete draft and shows it to the agent; a second submission for the same call,
    /// evaluator and scorecard is refused.
    public func submit(
        _ evaluation: Evaluation, by actorID: String, on scorecard: Scorecard, existing: [Evaluation], now: Date
    ) throws(QAWorkflowError) -> Evaluation {
        try requireEvaluator(evaluation, actorID, action: "submit")
        try requireState(evaluation, .draft, action: "submit")
        try requireScorecard(evaluation, scorecard)
        try checkNoDuplicate(
            callID: evaluation.callID, evaluatorID: evaluation.evaluatorID, scorecardID: evaluation.scorecardID,
            existing: existing, except: evaluation.id)
        let score: QAScore
        do {
            score = try QAScorer.score(evaluation.answers, on: scorecard)
        } catch {
            throw .answers(error)
        }
        var changed = evaluation
        changed.state = .submitted
        changed.score = score
        changed.submittedAt = now
        changed.disputeDeadline = now.addingTimeInterval(disputeWindow)
        changed.history.append(EvaluationHistoryEntry(
            at: now, actorID: actorID, action: "submitted", toPercent: score.percent,
            detail: "scored \(Self.format(score.percent))\(score.autoFailed ? " (auto-fail)" : "")"))
        return changed
    }

    /// The agent accepts the evaluation.
    public func acknowledge(_ evaluation: Evaluation, by actorID: String, now: Date) throws(QAWorkflowError) -> Evaluation {
        guard actorID == evaluation.agentID else { throw .notAllowed("only the evaluated agent can acknowledge") }
        try requireState(evaluation, .submitted, action: "acknowledge")
        var changed = evaluation
        changed.state = .acknowledged
        changed.history.append(EvaluationHistoryEntry(at: now, actorID: actorID, action: "acknowledged", detail: "acknowledged by the agent"))
        return changed
    }

    /// The agent contests answers below their maximum, before the deadline.
    public func dispute(
        _ evaluation: Evaluation, questions questionIDs: [String], reason: String, by actorID: String, now: Date
    ) throws(QAWorkflowError) -> Evaluation {
        guard actorID == evaluation.agentID else { throw .notAllowed("only the evaluated agent can dispute") }
        try requireState(evaluation, .submitted, action: "dispute")
        guard let deadline = evaluation.disputeDeadline, now <= deadline else { throw .deadlinePassed }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !questionIDs.isEmpty, !reason.isEmpty else {
            throw .invalidInput("a dispute names at least one question and gives a reason")
        }
        let below = Set(evaluation.score?.questions.filter(\.isBelowMaximum).map(\.questionID) ?? [])
        let refused = questionIDs.filter { !below.contains($0) }
        guard refused.isEmpty else { throw .notDisputable(questionIDs: refused) }
        var changed = evaluation
        changed.state = .disputed
        changed.dispute = EvaluationDispute(questionIDs: Array(Set(questionIDs)).sorted(), reason: reason, raisedAt: now)
        changed.history.append(EvaluationHistoryEntry(
            at: now, actorID: actorID, action: "disputed", detail: "disputed \(changed.dispute!.questionIDs.joined(separator: ", ")): \(reason)"))
        return changed
    }

    /// A reviewer (not the agent, not the original evaluator) settles a dispute. Accepting it
    /// replaces the disputed answers with `revisedAnswers`, re-scores and records the change.
    public func resolveDispute(
        _ evaluation: Evaluation, accept: Bool, revisedAnswers: [String: QAAnswer], note: String,
        by reviewerID: String, on scorecard: Scorecard, now: Date
    ) throws(QAWorkflowError) -> Evaluation {
        guard reviewerID != evaluation.agentID else { throw .notAllowed("agents cannot review their own dispute") }
        guard reviewerID != evaluation.evaluatorID else { throw .notAllowed("the original evaluator cannot review the dispute") }
        try requireState(evaluation, .disputed, action: "resolve a dispute on")
        try requireScorecard(evaluation, scorecard)
        guard var dispute = evaluation.dispute else { throw .invalidState(current: evaluation.state, action: "resolve a dispute on") }
        var changed = evaluation
        let before = evaluation.score?.percent
        if accept {
            let outside = revisedAnswers.keys.filter { !dispute.questionIDs.contains($0) }.sorted()
            guard outside.isEmpty else {
                throw .invalidInput("only disputed questions can be re-answered: \(outside.joined(separator: ", "))")
            }
            changed.answers.merge(revisedAnswers) { _, new in new }
            do {
                changed.score = try QAScorer.score(changed.answers, on: scorecard)
            } catch {
                throw .answers(error)
            }
        }
        dispute.reviewerID = reviewerID
        dispute.resolvedAt = now
        dispute.accepted = accept
        dispute.reviewNote = note
        changed.dispute = dispute
        changed.state = .final
        changed.history.append(EvaluationHistoryEntry(
            at: now, actorID: reviewerID, action: accept ? "disputeAccepted" : "disputeRejected",
            fromPercent: before, toPercent: changed.score?.percent,
            detail: accept
                ? "re-scored \(Self.format(before)) → \(Self.format(changed.score?.percent)): \(note)"
                : "kept \(Self.format(before)): \(note)"))
        return changed
    }

    // MARK: Rules

    private func requireEvaluator(_ evaluation: Evaluation, _ actorID: String, action: String) throws(QAWorkflowError) {
        guard actorID == evaluation.evaluatorID else { throw .notAllowed("only the evaluator can \(action) this evaluation") }
    }

    private func requireState(_ evaluation: Evaluation, _ state: Evaluation.State, action: String) throws(QAWorkflowError) {
        guard evaluation.state == state else { throw .invalidState(current: evaluation.state, action: action) }
    }

    private func requireScorecard(_ evaluation: Evaluation, _ scorecard: Scorecard) throws(QAWorkflowError) {
        guard scorecard.id == evaluation.scorecardID, scorecard.version == evaluation.scorecardVersion else {
            throw .scorecardMismatch
        }
    }

    private func checkNoDuplicate(
        callID: String, evaluatorID: String, scorecardID: String, existing: [Evaluation], except id: String
    ) throws(QAWorkflowError) {
        if let other = existing.first(where: {
            $0.id != id && $0.callID == callID && $0.evaluatorID == evaluatorID && $0.scorecardID == scorecardID
        }) {
            throw .duplicateEvaluation(existingID: other.id)
        }
    }

    static func format(_ percent: Double?) -> String {
        guard let percent else { return "N/A" }
        return String(format: "%.2f %%", percent)
    }
}
