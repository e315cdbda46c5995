import Foundation

/// The recordings index: one entry per recorded call.
public protocol RecordingIndex: Sendable {
    /// Adds an entry; `conflict` when the id is taken, `validation` for a bad entry.
    func add(_ entry: RecordingEntry) async throws
    func get(id: String) async throws -> RecordingEntry
    /// The recording of a call, if any (the latest when several).
    func find(callID: String) async throws -> RecordingEntry?
    /// Entries not deleted, started in `from..<to` (all when nil), oldest first.
    func list(from: Date?, to: Date?, agentID: String?, limit: Int) async throws -> [RecordingEntry]
    /// As ``list(from:to:agentID:limit:)`` for every agent, each with its caller's post-call survey
    /// (IVR surveys on the caller's channel, ``SurveyedRecording/callerChannel(ofCall:)``), in one query.
    func listWithSurveys(from: Date?, to: Date?, limit: Int) async throws -> [SurveyedRecording]
    /// Marks the entry deleted and writes an audit entry (`recording.delete`) in the same transaction.
    func markDeleted(id: String, by actor: String, reason: String) async throws
}

/// Scorecards and their versions; publishing never changes an existing version.
public protocol ScorecardRepository: Sendable {
    /// Validates and stores `scorecard` as the next version of its id (its `version` is ignored); audited.
    func publish(_ scorecard: Scorecard, by actor: String) async throws -> Scorecard
    /// The latest version.
    func latest(id: String) async throws -> Scorecard
    func get(id: String, version: Int) async throws -> Scorecard
    /// The latest version of every scorecard, by name.
    func list() async throws -> [Scorecard]
    /// Every version of one scorecard, oldest first.
    func versions(id: String) async throws -> [Scorecard]
}

/// Which evaluations to list.
public struct EvaluationFilter: Sendable, Hashable {
    public var agentID: String?
    public var evaluatorID: String?
    public var callID: String?
    public var states: Set<Evaluation.State>?

    public init(agentID: String? = nil, evaluatorID: String? = nil, callID: String? = nil, states: Set<Evaluation.State>? = nil) {
        self.agentID = agentID
        self.evaluatorID = evaluatorID
        self.callID = callID
        self.states = states
    }
}

/// Evaluations with their answers, timeline comments, dispute and history.
public protocol EvaluationRepository: Sendable {
    /// Stores a new evaluation; `conflict` when its id is taken.
    func create(_ evaluation: Evaluation) async throws
    /// Replaces a stored evaluation, only if its state is still `expected` (else `conflict`).
    func save(_ evaluation: Evaluation, expecting expected: Evaluation.State) async throws
    func get(id: String) async throws -> Evaluation
    /// Matching evaluations, newest first.
    func list(_ filter: EvaluationFilter) async throws -> [Evaluation]
}

/// Calibration sessions.
public protocol CalibrationRepository: Sendable {
    func create(_ session: CalibrationSession) async throws
    func get(id: String) async throws -> CalibrationSession
    /// Newest first.
    func list() async throws -> [CalibrationSession]
}
