import CTICore
import Foundation

/// How the service runs QA: where recordings are, how long they stay, how calls are sampled.
public struct QASettings: Sendable {
    /// The directory recordings are read from (Asterisk's recording directory, or a copy of it);
    /// nil serves no audio.
    public var recordingsDirectory: URL?
    /// Recording file format (the extension of indexed files).
    public var recordingFormat: String
    /// How long recordings are kept, per queue.
    public var retention: RetentionPolicy
    /// How often the retention sweep runs.
    public var retentionInterval: Duration
    /// Which calls go on evaluators' work lists, in order (a call is listed under the first rule
    /// that picks it): by default 5 random calls per agent a week, every call under 30 s of talk,
    /// and every call whose caller's post-call survey averaged 2 or less.
    public var samplingRules: [QASamplingRule]
    /// The evaluation rules (dispute window).
    public var workflow: EvaluationWorkflow

    public init(
        recordingsDirectory: URL? = nil, recordingFormat: String = "wav", retention: RetentionPolicy = RetentionPolicy(),
        retentionInterval: Duration = .seconds(3600),
        samplingRules: [QASamplingRule] = [
            .randomPerAgent(count: 5, periodDays: 7), .shortCalls(underSeconds: 30), .lowSurvey(maxScore: 2),
        ],
        workflow: EvaluationWorkflow = EvaluationWorkflow()
    ) {
        self.recordingsDirectory = recordingsDirectory
        self.recordingFormat = recordingFormat
        self.retention = retention
        self.retentionInterval = retentionInterval
        self.samplingRules = samplingRules
        self.workflow = workflow
    }
}
