import Foundation

/// A QA evaluation: one evaluator's scoring of one recorded call on one scorecard version.
public struct Evaluation: Sendable, Hashable, Codable, Identifiable {
    /// Where the evaluation is in its life.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Being scored; only the evaluator sees and edits it.
        case draft
        /// Scored and visible to the agent, who may acknowledge or dispute it.
        case submitted
        /// The agent accepted it. Final.
        case acknowledged
        /// The agent contested some answers; waits for a re-review.
        case disputed
        /// Re-reviewed after a dispute (accepted or rejected). Final.
        case final
    }

    public var id: String
    /// The interaction (call) scored.
    public var callID: String
    /// The recording listened to, when known.
    public var recordingID: String?
    /// The agent who handled the call.
    public var agentID: String
    /// Who scores it.
    public var evaluatorID: String
    public var scorecardID: String
    /// The scorecard version scored on; later versions never change this evaluation.
    public var scorecardVersion: Int
    public var state: State
    public var answers: [String: QAAnswer]
    /// Comments pinned to moments of the recording.
    public var comments: [TimedComment]
    /// Set on submission and after a re-review.
    public var score: QAScore?
    public var createdAt: Date
    public var submittedAt: Date?
    /// The agent may dispute until then.
    public var disputeDeadline: Date?
    public var dispute: EvaluationDispute?
    /// Every change after creation, for the audit trail.
    public var history: [EvaluationHistoryEntry]

    public init(
        id: String, callID: String, recordingID: String? = nil, agentID: String, evaluatorID: String,
        scorecardID: String, scorecardVersion: Int, createdAt: Date
    ) {
        self.id = id
        self.callID = callID
        self.recordingID = recordingID
        self.agentID = agentID
        self.evaluatorID = evaluatorID
        self.scorecardID = scorecardID
        self.scorecardVersion = scorecardVersion
        self.state = .draft
        self.answers = [:]
        self.comments = []
        self.score = nil
        self.createdAt = createdAt
        self.history = []
    }
}

/// A comment at a moment of the recording.
public struct TimedComment: Sendable, Hashable, Codable {
    /// Seconds from the start of the recording.
    public var offsetSeconds: Double
    public var authorID: String
    public var text: String
    public var at: Date

    public init(offsetSeconds: Double, authorID: String, text: String, at: Date) {
        self.offsetSeconds = offsetSeconds
        self.authorID = authorID
        self.text = text
        self.at = at
    }
}

/// The agent's objection to some answers, and how it was settled.
public struct EvaluationDispute: Sendable, Hashable, Codable {
    public var questionIDs: [String]
    public var reason: String
    public var raisedAt: Date
    /// Who re-reviewed it, when, and whether the dispute was accepted.
    public var reviewerID: String?
    public var resolvedAt: Date?
    public var accepted: Bool?
    public var reviewNote: String?

    public init(questionIDs: [String], reason: String, raisedAt: Date) {
        self.questionIDs = questionIDs
        self.reason = reason
        self.raisedAt = raisedAt
    }
}

/// One entry of an evaluation's audit trail.
public struct EvaluationHistoryEntry: Sendable, Hashable, Codable {
    public var at: Date
    public var actorID: String
    /// `submitted`, `acknowledged`, `disputed`, `disputeAccepted`, `disputeRejected`.
    public var action: String
    /// The form score before and after, when the action changed it.
    public var fromPercent: Double?
    public var toPercent: Double?
    public var detail: String

    public init(at: Date, actorID: String, action: String, fromPercent: Double? = nil, toPercent: Double? = nil, detail: String) {
        self.at = at
        self.actorID = actorID
        self.action = action
        self.fromPercent = fromPercent
        self.toPercent = toPercent
        self.detail = detail
    }
}
