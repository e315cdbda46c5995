/// A QA form: sections of questions, how they add up, and the mark that passes.
///
/// Scorecards are versioned: an evaluation records the `id` and `version` it was scored on, and
/// editing a scorecard publishes a new version, so past evaluations never change.
public struct Scorecard: Sendable, Hashable, Codable {
    /// Stable id shared by every version.
    public var id: String
    /// 1 for the first version, then one more for each published edit.
    public var version: Int
    /// Shown to evaluators and agents.
    public var name: String
    /// Percentage (0-100) at or above which an evaluation passes.
    public var passingMark: Double
    /// How question scores add up to the form score.
    public var mode: QAScoringMode
    /// The sections in display order.
    public var sections: [ScorecardSection]

    /// A scorecard; check it with ``ScorecardValidator`` before use.
    public init(
        id: String, version: Int = 1, name: String, passingMark: Double, mode: QAScoringMode = .points,
        sections: [ScorecardSection]
    ) {
        self.id = id
        self.version = version
        self.name = name
        self.passingMark = passingMark
        self.mode = mode
        self.sections = sections
    }

    /// Every question, in display order.
    public var questions: [ScorecardQuestion] { sections.flatMap(\.questions) }

    /// The question with this id.
    public func question(_ id: String) -> ScorecardQuestion? { questions.first { $0.id == id } }
}

/// How question scores add up (domain.md, QA scoring).
public enum QAScoringMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Σ earned / Σ possible over every answered (non-N/A) question: the default.
    case points
    /// Σ section weight × section % / Σ weights of the non-N/A sections.
    case sectionWeighted
    /// Σ earned × w / Σ possible × w, where w is the question's multiplier, else its section's weight.
    case pointsTimesWeight
}
