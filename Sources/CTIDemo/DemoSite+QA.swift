import CTIApp
import CTICore
import Foundation
import Storage

extension DemoSite {
    /// The demo's QA scorecard: opening, handling and compliance, with one form-critical question.
    public static let scorecard = Scorecard(
        id: "call-quality", name: "Call quality", passingMark: 80,
        sections: [
            ScorecardSection(id: "opening", title: "Opening", questions: [
                ScorecardQuestion(id: "greeting", text: "Greets the caller and gives their name", points: 10),
                ScorecardQuestion(id: "verify", text: "Verifies the caller's identity", points: 10, critical: .form),
            ]),
            ScorecardSection(id: "handling", title: "Handling", questions: [
                ScorecardQuestion(id: "tone", text: "Tone and empathy", kind: .scale(max: 4), points: 20, allowsNA: false),
                ScorecardQuestion(id: "resolve", text: "Resolves the request or sets a clear next step", points: 30),
                ScorecardQuestion(id: "upsell", text: "Mentions a relevant offer", points: 10),
            ]),
        ])

    /// QA on the demo: every short call, every call with a survey of 2 or less and a few random
    /// ones per agent go on the work lists;
    /// sales recordings are kept 30 days, support 90.
    public static func qa(recordings: URL?) -> QASettings {
        QASettings(
            recordingsDirectory: recordings, retention: RetentionPolicy(queues: ["sales": 30, "support": 90]),
            samplingRules: [.randomPerAgent(count: 3, periodDays: 7), .shortCalls(underSeconds: 30), .lowSurvey(maxScore: 2)])
    }

    /// Publishes the demo scorecard once.
    static func seedQA(_ store: CTIStore) async throws {
        if (try? await store.scorecards.latest(id: scorecard.id)) != nil { return }
        _ = try await store.scorecards.publish(scorecard, by: "demo-seed")
    }
}
