/// Statistics interval lengths.
public enum StatisticsInterval: Int, Sendable, Hashable, CaseIterable, Codable {
    case fifteenMinutes = 900
    case thirtyMinutes = 1800
    case hour = 3600

    /// Length in seconds.
    public var seconds: Double { Double(rawValue) }

    /// Start of the interval holding `instant`.
    public func start(of instant: ACDInstant) -> ACDInstant {
        ACDInstant(seconds: (instant.seconds / seconds).rounded(.down) * seconds)
    }
}
