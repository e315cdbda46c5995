/// The service-level formulas in use across the industry (domain.md). Default: ``answeredOverOfferedLessShortAbandons``.
public enum ServiceLevelFormula: String, Sendable, Hashable, CaseIterable, Codable {
    /// answered within T / (offered − short abandons). The default.
    case answeredOverOfferedLessShortAbandons = "default"
    /// answered within T / answered.
    case answeredOverAnswered = "answered"
    /// (answered within T + abandoned within T) / offered.
    case answeredAndAbandonedWithinOverOffered = "abandoned-within-count"
    /// answered within T / (answered + abandoned after T).
    case answeredOverAnsweredAndLateAbandons = "late-abandons"
    /// answered within T / offered (every abandon counts against).
    case answeredOverOffered = "offered"
    /// (answered within T + short abandons) / offered.
    case answeredAndShortAbandonsOverOffered = "short-abandons-count"
}

/// Call counts for one queue and interval, from which every service-level variant is computed.
public struct ServiceLevelCounts: Sendable, Hashable, Codable {
    /// Calls answered.
    public var answered: Int
    /// Calls answered within the threshold.
    public var answeredWithinThreshold: Int
    /// Calls abandoned, short ones included.
    public var abandoned: Int
    /// Calls abandoned within the threshold (short ones included).
    public var abandonedWithinThreshold: Int
    /// Calls abandoned under the short-abandon threshold.
    public var shortAbandons: Int

    /// Counts.
    public init(answered: Int, answeredWithinThreshold: Int, abandoned: Int, abandonedWithinThreshold: Int, shortAbandons: Int) {
        self.answered = answered
        self.answeredWithinThreshold = answeredWithinThreshold
        self.abandoned = abandoned
        self.abandonedWithinThreshold = abandonedWithinThreshold
        self.shortAbandons = shortAbandons
    }

    /// Calls that entered the queue and ended as answered or abandoned.
    public var offered: Int { answered + abandoned }

    /// Service level under `formula`, 0...1, or nil when no call counts.
    public func serviceLevel(_ formula: ServiceLevelFormula = .answeredOverOfferedLessShortAbandons) -> Double? {
        let (numerator, denominator): (Int, Int)
        switch formula {
        case .answeredOverOfferedLessShortAbandons: (numerator, denominator) = (answeredWithinThreshold, offered - shortAbandons)
        case .answeredOverAnswered: (numerator, denominator) = (answeredWithinThreshold, answered)
        case .answeredAndAbandonedWithinOverOffered: (numerator, denominator) = (answeredWithinThreshold + abandonedWithinThreshold, offered)
        case .answeredOverAnsweredAndLateAbandons: (numerator, denominator) = (answeredWithinThreshold, answered + abandoned - abandonedWithinThreshold)
        case .answeredOverOffered: (numerator, denominator) = (answeredWithinThreshold, offered)
        case .answeredAndShortAbandonsOverOffered: (numerator, denominator) = (answeredWithinThreshold + shortAbandons, offered)
        }
        return ratio(numerator, denominator)
    }

    /// Abandonment rate; by default short abandons are left out of both sides.
    public func abandonRate(excludingShortAbandons: Bool = true) -> Double? {
        excludingShortAbandons ? ratio(abandoned - shortAbandons, offered - shortAbandons) : ratio(abandoned, offered)
    }

    private func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
        denominator > 0 ? Double(numerator) / Double(denominator) : nil
    }
}
