/// A titled group of questions on a scorecard.
public struct ScorecardSection: Sendable, Hashable, Codable {
    /// Unique within the scorecard.
    public var id: String
    /// Shown as the section heading.
    public var title: String
    /// The section's weight in `sectionWeighted` and `pointsTimesWeight` modes.
    public var weight: Double
    /// The questions in display order.
    public var questions: [ScorecardQuestion]

    public init(id: String, title: String, weight: Double = 1, questions: [ScorecardQuestion]) {
        self.id = id
        self.title = title
        self.weight = weight
        self.questions = questions
    }
}
