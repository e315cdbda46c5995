import Foundation

/// A recording with the post-call survey its caller gave, for sampling.
public struct SurveyedRecording: Sendable, Hashable {
    public var entry: RecordingEntry
    /// The lowest average score among the caller's surveys on this call; nil when none was answered.
    public var surveyAverage: Double?

    public init(entry: RecordingEntry, surveyAverage: Double?) {
        self.entry = entry
        self.surveyAverage = surveyAverage
    }

    /// The survey as the whole score sampling rules compare with: the average rounded up, so
    /// "score 2 or less" takes exactly the averages of at most 2 (2.4 counts as 3).
    public var surveyScore: Int? {
        guard let surveyAverage, surveyAverage.isFinite else { return nil }
        return Int(surveyAverage.rounded(.up))
    }

    /// The caller's channel id the call id stands for: the ACD names a call after the caller's
    /// channel, and a transferred leg after it with `~tN` appended.
    public static func callerChannel(ofCall callID: String) -> String {
        callID.split(separator: "~", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? callID
    }
}
