/// One question: what can be answered, what it is worth, and whether failing it is critical.
public struct ScorecardQuestion: Sendable, Hashable, Codable {
    /// The answers a question accepts.
    public enum Kind: Sendable, Hashable, Codable {
        /// Yes earns the full points, no earns none.
        case yesNo
        /// A value 0...max earns points × value / max.
        case scale(max: Int)
    }

    /// What a "no" (or a scale 0) on this question does beyond losing its points.
    public enum Criticality: String, Sendable, Hashable, Codable, CaseIterable {
        /// Nothing more.
        case none
        /// The section scores 0 (its weight still counts).
        case section
        /// The whole form scores 0: an auto-fail; the raw score is still reported.
        case form
    }

    /// Unique within the scorecard.
    public var id: String
    /// The question as the evaluator reads it.
    public var text: String
    /// Yes/no or a scale.
    public var kind: Kind
    /// Points the question is worth.
    public var points: Double
    /// Whether N/A is an accepted answer.
    public var allowsNA: Bool
    /// Whether a failing answer zeroes the section or the form.
    public var critical: Criticality
    /// In `pointsTimesWeight` mode, the multiplier of this question's points; `nil` uses the section weight.
    public var weight: Double?

    public init(
        id: String, text: String, kind: Kind = .yesNo, points: Double, allowsNA: Bool = true,
        critical: Criticality = .none, weight: Double? = nil
    ) {
        self.id = id
        self.text = text
        self.kind = kind
        self.points = points
        self.allowsNA = allowsNA
        self.critical = critical
        self.weight = weight
    }
}
