import CTICore
import CTIServer
import Foundation
import Storage

/// The QA back office over the store: the permission rules live here, the evaluation rules in
/// ``EvaluationWorkflow``, the scoring in ``QAScorer``.
///
/// Who may do what: agents see their own submitted evaluations and their own calls' recordings,
/// and acknowledge or dispute; QA staff and supervisors score calls (never their own), review
/// disputes, calibrate and read reports; QA staff and admins publish scorecards; admins see all.
public struct StoreQAService: QAService {
    let store: CTIStore
    let settings: QASettings
    let now: @Sendable () -> Date
    let newID: @Sendable () -> String

    public init(
        store: CTIStore, settings: QASettings, now: @escaping @Sendable () -> Date = { Date() },
        newID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }
    ) {
        self.store = store
        self.settings = settings
        self.now = now
        self.newID = newID
    }

    /// Roles that score calls.
    static let evaluatorRoles: Set<CTIRole> = [.qa, .supervisor, .admin]

    // MARK: Work list

    public func workList(for principal: CTIPrincipal) async throws -> [QAWorkListItem] {
        let me = try await username(principal)
        try require(principal, in: Self.evaluatorRoles, "the work list is for QA staff and supervisors")
        let now = now()
        let periodStart = Calendar.utc.dateInterval(of: .weekOfYear, for: now)?.start ?? now
        let surveyed = try await mapped { try await store.recordings.listWithSurveys(from: periodStart, to: nil, limit: 10_000) }
        let recordings = surveyed.map(\.entry)
        let candidates = surveyed.compactMap { item -> QASampleCandidate? in
            guard let agent = item.entry.agentID else { return nil }
            return QASampleCandidate(
                callID: item.entry.callID, agentID: agent, queue: item.entry.queue, startedAt: item.entry.startedAt,
                talkSeconds: item.entry.durationSeconds, surveyScore: item.surveyScore)
        }
        let users = try await mapped { try await store.users.list(page: PageRequest(limit: PageRequest.maximumLimit)) }
        let evaluators = users.items.filter { $0.isActive && ($0.role == .qa || $0.role == .supervisor) }.map(\.username)
        let evaluations = try await mapped { try await store.evaluations.list(EvaluationFilter()) }
        let done = Set(evaluations.filter { $0.state != .draft }.map(\.callID))
        let items = QASampler.workList(
            candidates: candidates, rules: settings.samplingRules, evaluators: evaluators, alreadyEvaluated: done,
            periodStart: periodStart, seed: UInt64(max(0, periodStart.timeIntervalSince1970)))
        let byCall = Dictionary(recordings.map { ($0.callID, $0) }, uniquingKeysWith: { _, latest in latest })
        return items.filter { principal.role == .admin || $0.evaluatorID == me }.map { item in
            let recording = byCall[item.callID]
            return QAWorkListItem(
                callID: item.callID, agentID: item.agentID, evaluatorID: item.evaluatorID, reason: item.reason, recordingID: recording?.id,
                queue: recording?.queue, startedAt: recording?.startedAt, durationSeconds: recording?.durationSeconds,
                draftID: evaluations.first { $0.callID == item.callID && $0.evaluatorID == item.evaluatorID && $0.state == .draft }?.id)
        }
    }

    // MARK: Scorecards

    public func scorecards(for principal: CTIPrincipal) async throws -> [Scorecard] {
        _ = try await username(principal)
        return try await mapped { try await store.scorecards.list() }
    }

    public func scorecard(id: String, version: Int?, for principal: CTIPrincipal) async throws -> Scorecard {
        _ = try await username(principal)
        if let version { return try await mapped { try await store.scorecards.get(id: id, version: version) } }
        return try await mapped { try await store.scorecards.latest(id: id) }
    }

    public func publishScorecard(_ scorecard: Scorecard, by principal: CTIPrincipal) async throws -> Scorecard {
        let me = try await username(principal)
        try require(principal, in: [.qa, .admin], "publishing scorecards needs the QA or admin role")
        return try await mapped { try await store.scorecards.publish(scorecard, by: me) }
    }

    // MARK: Evaluations

    public func evaluations(_ query: QAEvaluationQuery, for principal: CTIPrincipal) async throws -> [Evaluation] {
        let me = try await username(principal)
        var filter = EvaluationFilter(agentID: query.agentID, evaluatorID: query.evaluatorID, callID: query.callID, states: query.state.map { [$0] })
        if principal.role == .agent {
            if let asked = query.agentID, asked != me { throw QAServiceError(.forbidden, "agents see only their own evaluations") }
            filter.agentID = me
        }
        let found = try await mapped { try await store.evaluations.list(filter) }
        return principal.role == .agent ? found.filter { $0.state != .draft } : found
    }

    public func evaluation(id: String, for principal: CTIPrincipal) async throws -> Evaluation {
        let me = try await username(principal)
        return try await visible(id, to: principal, me)
    }

    public func startEvaluation(_ request: QAStartRequest, by principal: CTIPrincipal) async throws -> Evaluation {
        let me = try await username(principal)
        try require(principal, in: Self.evaluatorRoles, "scoring calls is for QA staff and supervisors")
        guard let recording = try await mapped({ try await store.recordings.find(callID: request.callID) }), recording.deletedAt == nil else {
            throw QAServiceError(.notFound, "call \(request.callID) has no recording to score")
        }
        guard let agent = recording.agentID else { throw QAServiceError(.unprocessable, "call \(request.callID) has no agent to score") }
        let card = try await mapped { try await store.scorecards.latest(id: request.scorecardID) }
        let existing = try await mapped { try await store.evaluations.list(EvaluationFilter(callID: request.callID)) }
        let evaluation = try workflow {
            try settings.workflow.start(
                id: newID(), callID: request.callID, recordingID: recording.id, agentID: agent, evaluatorID: me, scorecard: card,
                existing: existing, now: now())
        }
        try await mapped { try await store.evaluations.create(evaluation) }
        return evaluation
    }

    public func saveDraft(id: String, _ request: QADraftRequest, by principal: CTIPrincipal) async throws -> Evaluation {
        let me = try await username(principal)
        var evaluation = try await visible(id, to: principal, me)
        let card = try await mapped { try await store.scorecards.get(id: evaluation.scorecardID, version: evaluation.scorecardVersion) }
        if let answers = request.answers {
            evaluation = try workflow { try settings.workflow.answer(evaluation, with: answers, by: me, on: card) }
        }
        if let comments = request.comments, !comments.isEmpty {
            let duration = try await recordingDuration(evaluation)
            for comment in comments {
                evaluation = try workflow {
                    try settings.workflow.comment(
                        evaluation, at: comment.offsetSeconds, text: comment.text, by: me, recordingDuration: duration, now: now())
                }
            }
        }
        // Nothing to change still checks the caller could have changed it.
        if request.answers == nil && (request.comments ?? []).isEmpty {
            evaluation = try workflow { try settings.workflow.answer(evaluation, with: [:], by: me, on: card) }
        }
        let saved = evaluation
        try await mapped { try await store.evaluations.save(saved, expecting: .draft) }
        return saved
    }

    public func submit(id: String, by principal: CTIPrincipal) async throws -> Evaluation {
        let me = try await username(principal)
        let evaluation = try await visible(id, to: principal, me)
        let card = try await mapped { try await store.scorecards.get(id: evaluation.scorecardID, version: evaluation.scorecardVersion) }
        let existing = try await mapped { try await store.evaluations.list(EvaluationFilter(callID: evaluation.callID)) }
        let submitted = try workflow { try settings.workflow.submit(evaluation, by: me, on: card, existing: existing, now: now()) }
        try await mapped { try await store.evaluations.save(submitted, expecting: .draft) }
        return submitted
    }

    public func acknowledge(id: String, by principal: CTIPrincipal) async throws -> Evaluation {
        let me = try await username(principal)
        let evaluation = try await visible(id, to: principal, me)
        let acknowledged = try workflow { try settings.workflow.acknowledge(evaluation, by: me, now: now()) }
        try await mapped { try await store.evaluations.save(acknowledged, expecting: .submitted) }
        return acknowledged
    }

    public func dispute(id: String, _ request: QADisputeRequest, by principal: CTIPrincipal) async throws -> Evaluation {
        let me = try await username(principal)
        let evaluation = try await visible(id, to: principal, me)
        let disputed = try workflow {
            try settings.workflow.dispute(evaluation, questions: request.questionIDs, reason: request.reason, by: me, now: now())
        }
        try await mapped { try await store.evaluations.save(disputed, expecting: .submitted) }
        return disputed
    }

    public func reReview(id: String, _ request: QAReviewRequest, by principal: CTIPrincipal) async throws -> Evaluation {
        let me = try await username(principal)
        try require(principal, in: Self.evaluatorRoles, "disputes are reviewed by QA staff and supervisors")
        let evaluation = try await visible(id, to: principal, me)
        let card = try await mapped { try await store.scorecards.get(id: evaluation.scorecardID, version: evaluation.scorecardVersion) }
        let reviewed = try workflow {
            try settings.workflow.resolveDispute(
                evaluation, accept: request.accept, revisedAnswers: request.revisedAnswers ?? [:], note: request.note, by: me, on: card,
                now: now())
        }
        try await mapped { try await store.evaluations.save(reviewed, expecting: .disputed) }
        return reviewed
    }

    // MARK: Calibration and reports

    public func createCalibration(_ request: QACalibrationRequest, by principal: CTIPrincipal) async throws -> CalibrationSession {
        let me = try await username(principal)
        try require(principal, in: Self.evaluatorRoles, "calibration is for QA staff and supervisors")
        guard try await mapped({ try await store.recordings.find(callID: request.callID) }) != nil else {
            throw QAServiceError(.notFound, "call \(request.callID) has no recording")
        }
        let card = try await mapped { try await store.scorecards.latest(id: request.scorecardID) }
        var problems: [QAServiceError.Problem] = []
        for (index, evaluator) in request.evaluatorIDs.enumerated() {
            guard let user = try? await store.users.get(username: evaluator), Self.evaluatorRoles.contains(StoreSessions.role(user.role)) else {
                problems.append(.init(field: "evaluatorIDs[\(index)]", message: "\(evaluator) is not an evaluator"))
                continue
            }
        }
        guard problems.isEmpty else { throw QAServiceError(.unprocessable, "some evaluators cannot calibrate", problems: problems) }
        let session = CalibrationSession(
            id: newID(), callID: request.callID, scorecardID: card.id, scorecardVersion: card.version, evaluatorIDs: request.evaluatorIDs,
            expertID: request.expertID, createdBy: me, createdAt: now())
        try await mapped { try await store.calibrations.create(session) }
        return session
    }

    public func calibrationReport(sessionID: String, for principal: CTIPrincipal) async throws -> CalibrationReport {
        _ = try await username(principal)
        try require(principal, in: Self.evaluatorRoles, "calibration is for QA staff and supervisors")
        let session = try await mapped { try await store.calibrations.get(id: sessionID) }
        let card = try await mapped { try await store.scorecards.get(id: session.scorecardID, version: session.scorecardVersion) }
        let evaluations = try await mapped { try await store.evaluations.list(EvaluationFilter(callID: session.callID)) }.filter {
            session.evaluatorIDs.contains($0.evaluatorID) && $0.scorecardVersion == session.scorecardVersion && $0.state != .draft
        }
        return CalibrationReport(callID: session.callID, scorecard: card, evaluations: evaluations, expertID: session.expertID)
    }

    public func report(by grouping: QAReport.Grouping, from: Date?, to: Date?, for principal: CTIPrincipal) async throws -> [QAReport.Line] {
        _ = try await username(principal)
        try require(principal, in: Self.evaluatorRoles, "reports are for QA staff and supervisors")
        let scored = try await mapped {
            try await store.evaluations.list(EvaluationFilter(states: [.submitted, .acknowledged, .disputed, .final]))
        }
        var teams: [String: String?] = [:]
        var rows: [QAReportRow] = []
        for evaluation in scored {
            let at = evaluation.submittedAt ?? evaluation.createdAt
            if let from, at < from { continue }
            if let to, at >= to { continue }
            if teams[evaluation.agentID] == nil {
                teams[evaluation.agentID] = .some((try? await store.users.get(username: evaluation.agentID))?.groups.first)
            }
            let queue = try await mapped { try await store.recordings.find(callID: evaluation.callID) }?.queue
            if let row = QAReportRow(evaluation, team: teams[evaluation.agentID] ?? nil, queue: queue) { rows.append(row) }
        }
        return QAReport.lines(rows, by: grouping)
    }

    // MARK: Recordings

    public func recording(id: String, for principal: CTIPrincipal) async throws -> RecordingEntry {
        let me = try await username(principal)
        let entry = try await mapped { try await store.recordings.get(id: id) }
        guard principal.role != .agent || entry.agentID == me else {
            throw QAServiceError(.forbidden, "only the agent on the call, supervisors, QA staff and admins may hear this recording")
        }
        guard entry.deletedAt == nil else { throw QAServiceError(.notFound, "recording \(id) was deleted by the retention policy") }
        return entry
    }

    public func recordingFile(id: String, for principal: CTIPrincipal) async throws -> QARecordingFile {
        let entry = try await recording(id: id, for: principal)
        guard let directory = settings.recordingsDirectory else { throw QAServiceError(.notFound, "recordings are not served here") }
        guard RecordingEntry.isSafeLocation(entry.location) else { throw QAServiceError(.notFound, "recording \(id) has no readable file") }
        let contentType =
            switch entry.format.lowercased() {
            case "wav": "audio/wav"
            case "mp3": "audio/mpeg"
            case "ogg": "audio/ogg"
            case "gsm": "audio/gsm"
            default: "application/octet-stream"
            }
        return QARecordingFile(path: directory.appendingPathComponent(entry.location).path, contentType: contentType)
    }

    // MARK: Rules and error mapping

    /// The principal's username (evaluator and agent ids are usernames).
    private func username(_ principal: CTIPrincipal) async throws -> String {
        if let agent = principal.agentID { return agent }
        guard let id = Int64(principal.userID), let user = try? await store.users.get(id: id), user.isActive else {
            throw QAServiceError(.unauthorized, "unknown user")
        }
        return user.username
    }

    private func require(_ principal: CTIPrincipal, in roles: Set<CTIRole>, _ message: String) throws {
        guard roles.contains(principal.role) else { throw QAServiceError(.forbidden, message) }
    }

    /// The evaluation, if `principal` may see it: agents only their own, once submitted (else 404).
    private func visible(_ id: String, to principal: CTIPrincipal, _ me: String) async throws -> Evaluation {
        let evaluation = try await mapped { try await store.evaluations.get(id: id) }
        if principal.role == .agent && (evaluation.agentID != me || evaluation.state == .draft) {
            throw QAServiceError(.notFound, "evaluation \(id) not found")
        }
        return evaluation
    }

    private func recordingDuration(_ evaluation: Evaluation) async throws -> Double? {
        guard let id = evaluation.recordingID else { return nil }
        return try? await store.recordings.get(id: id).durationSeconds
    }

    private func workflow<Value>(_ step: () throws -> Value) throws -> Value {
        do {
            return try step()
        } catch let error as QAWorkflowError {
            throw Self.translate(error)
        }
    }

    private func mapped<Value>(_ operation: () async throws -> Value) async throws -> Value {
        do {
            return try await operation()
        } catch let error as RepositoryError {
            throw Self.translate(error)
        }
    }

    static func translate(_ error: QAWorkflowError) -> QAServiceError {
        switch error {
        case .notAllowed(let why): QAServiceError(.forbidden, why)
        case .invalidState, .duplicateEvaluation, .scorecardMismatch: QAServiceError(.conflict, error.description)
        case .deadlinePassed: QAServiceError(.unprocessable, error.description)
        case .notDisputable(let ids):
            QAServiceError(.unprocessable, error.description, problems: ids.map { .init(field: "questionIDs", message: "\($0) scored full marks") })
        case .invalidInput(let why): QAServiceError(.badRequest, why)
        case .answers(let answers):
            QAServiceError(
                .unprocessable, "answers do not fit the scorecard",
                problems: answers.problems.map { .init(field: "answers.\($0.questionID)", message: "\($0.code.rawValue): \($0.message)") })
        }
    }

    static func translate(_ error: RepositoryError) -> QAServiceError {
        switch error {
        case .notFound: QAServiceError(.notFound, error.description)
        case .conflict(let message): QAServiceError(.conflict, message)
        case .validation(let invalid):
            QAServiceError(.unprocessable, "invalid input", problems: invalid.issues.map { .init(field: $0.field, message: $0.message) })
        case .invalidTransition: QAServiceError(.conflict, error.description)
        case .unauthenticated: QAServiceError(.unauthorized, error.description)
        case .forbidden(let message): QAServiceError(.forbidden, message)
        }
    }
}
