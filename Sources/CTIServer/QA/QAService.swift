import CTICore
import Foundation

/// The QA back office behind `/api/qa/*` and `/api/recordings/*`: work lists, scorecards,
/// evaluations, calibration, reports and recordings. Every method checks what `principal` may
/// do and throws ``QAServiceError`` when refused.
public protocol QAService: Sendable {
    /// The calls sampled for `principal` to score (admins see every evaluator's list).
    func workList(for principal: CTIPrincipal) async throws -> [QAWorkListItem]
    /// The latest version of every scorecard.
    func scorecards(for principal: CTIPrincipal) async throws -> [Scorecard]
    /// One scorecard: the latest version, or `version`.
    func scorecard(id: String, version: Int?, for principal: CTIPrincipal) async throws -> Scorecard
    /// Publishes `scorecard` as the next version of its id (QA staff and admins).
    func publishScorecard(_ scorecard: Scorecard, by principal: CTIPrincipal) async throws -> Scorecard
    /// Evaluations `principal` may see (agents: their own, not drafts), newest first.
    func evaluations(_ query: QAEvaluationQuery, for principal: CTIPrincipal) async throws -> [Evaluation]
    func evaluation(id: String, for principal: CTIPrincipal) async throws -> Evaluation
    /// Starts a draft on a recorded call, on the latest version of the scorecard.
    func startEvaluation(_ request: QAStartRequest, by principal: CTIPrincipal) async throws -> Evaluation
    /// Saves (partial) answers and new timeline comments on a draft.
    func saveDraft(id: String, _ request: QADraftRequest, by principal: CTIPrincipal) async throws -> Evaluation
    func submit(id: String, by principal: CTIPrincipal) async throws -> Evaluation
    func acknowledge(id: String, by principal: CTIPrincipal) async throws -> Evaluation
    func dispute(id: String, _ request: QADisputeRequest, by principal: CTIPrincipal) async throws -> Evaluation
    /// Settles a dispute: the evaluation becomes final.
    func reReview(id: String, _ request: QAReviewRequest, by principal: CTIPrincipal) async throws -> Evaluation
    /// Opens a calibration session on a call.
    func createCalibration(_ request: QACalibrationRequest, by principal: CTIPrincipal) async throws -> CalibrationSession
    /// The spread of the session's evaluators' scores and the questions they disagree on.
    func calibrationReport(sessionID: String, for principal: CTIPrincipal) async throws -> CalibrationReport
    /// Average scores of submitted evaluations grouped by agent, team, queue, question, day or week.
    func report(by grouping: QAReport.Grouping, from: Date?, to: Date?, for principal: CTIPrincipal) async throws -> [QAReport.Line]
    /// A recording's index entry, if `principal` may hear it.
    func recording(id: String, for principal: CTIPrincipal) async throws -> RecordingEntry
    /// The file to play: absolute path and content type, if `principal` may hear it.
    func recordingFile(id: String, for principal: CTIPrincipal) async throws -> QARecordingFile
}

/// A call on an evaluator's work list, with its recording.
public struct QAWorkListItem: Codable, Sendable, Hashable {
    public var callID: String
    public var agentID: String
    public var evaluatorID: String
    /// Why it was sampled.
    public var reason: String
    public var recordingID: String?
    public var queue: String?
    public var startedAt: Date?
    public var durationSeconds: Double?
    /// The evaluator's own draft of it, when started.
    public var draftID: String?

    public init(
        callID: String, agentID: String, evaluatorID: String, reason: String, recordingID: String?, queue: String?, startedAt: Date?,
        durationSeconds: Double?, draftID: String?
    ) {
        self.callID = callID
        self.agentID = agentID
        self.evaluatorID = evaluatorID
        self.reason = reason
        self.recordingID = recordingID
        self.queue = queue
        self.startedAt = startedAt
        self.durationSeconds = durationSeconds
        self.draftID = draftID
    }
}

/// Filters of `GET /api/qa/evaluations`.
public struct QAEvaluationQuery: Sendable, Hashable {
    public var agentID: String?
    public var evaluatorID: String?
    public var callID: String?
    public var state: Evaluation.State?

    public init(agentID: String? = nil, evaluatorID: String? = nil, callID: String? = nil, state: Evaluation.State? = nil) {
        self.agentID = agentID
        self.evaluatorID = evaluatorID
        self.callID = callID
        self.state = state
    }
}

/// `POST /api/qa/evaluations`.
public struct QAStartRequest: Codable, Sendable, Hashable {
    public var callID: String
    public var scorecardID: String

    public init(callID: String, scorecardID: String) {
        self.callID = callID
        self.scorecardID = scorecardID
    }
}

/// A comment pinned to a moment of the recording.
public struct QACommentRequest: Codable, Sendable, Hashable {
    public var offsetSeconds: Double
    public var text: String

    public init(offsetSeconds: Double, text: String) {
        self.offsetSeconds = offsetSeconds
        self.text = text
    }
}

/// `PUT /api/qa/evaluations/{id}`: answers to merge and comments to add.
public struct QADraftRequest: Codable, Sendable, Hashable {
    public var answers: [String: QAAnswer]?
    public var comments: [QACommentRequest]?

    public init(answers: [String: QAAnswer]? = nil, comments: [QACommentRequest]? = nil) {
        self.answers = answers
        self.comments = comments
    }
}

/// `POST /api/qa/evaluations/{id}/dispute`.
public struct QADisputeRequest: Codable, Sendable, Hashable {
    public var questionIDs: [String]
    public var reason: String

    public init(questionIDs: [String], reason: String) {
        self.questionIDs = questionIDs
        self.reason = reason
    }
}

/// `POST /api/qa/evaluations/{id}/review`.
public struct QAReviewRequest: Codable, Sendable, Hashable {
    public var accept: Bool
    public var revisedAnswers: [String: QAAnswer]?
    public var note: String

    public init(accept: Bool, revisedAnswers: [String: QAAnswer]? = nil, note: String) {
        self.accept = accept
        self.revisedAnswers = revisedAnswers
        self.note = note
    }
}

/// `POST /api/qa/calibrations`.
public struct QACalibrationRequest: Codable, Sendable, Hashable {
    public var callID: String
    public var scorecardID: String
    public var evaluatorIDs: [String]
    public var expertID: String?

    public init(callID: String, scorecardID: String, evaluatorIDs: [String], expertID: String? = nil) {
        self.callID = callID
        self.scorecardID = scorecardID
        self.evaluatorIDs = evaluatorIDs
        self.expertID = expertID
    }
}

/// A recording file to stream.
public struct QARecordingFile: Sendable, Hashable {
    /// Absolute path on this machine.
    public var path: String
    /// e.g. `audio/wav`.
    public var contentType: String

    public init(path: String, contentType: String) {
        self.path = path
        self.contentType = contentType
    }
}
