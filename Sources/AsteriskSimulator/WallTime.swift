/// A point in wall-clock time with microsecond resolution, as Asterisk writes it in `Timestamp:`.
public struct WallTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Microseconds since the Unix epoch.
    public var microseconds: Int64

    /// A time `microseconds` after the Unix epoch.
    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// A time of whole `seconds` plus `microseconds` after the Unix epoch.
    public init(seconds: Int64, microseconds: Int64 = 0) {
        self.microseconds = seconds * 1_000_000 + microseconds
    }

    /// The moment the captures in `Tests/Fixtures` were recorded; the default start of generated traffic.
    public static let captureEpoch = WallTime(seconds: 1_795_370_459, microseconds: 873_436)

    /// Whole seconds since the epoch (what Asterisk puts in uniqueids, `LoginTime`, `LastCall`).
    public var seconds: Int64 { microseconds / 1_000_000 }

    /// `seconds.micros` with six fraction digits, e.g. `1795370459.873493`.
    public var timestamp: String {
        let fraction = String(microseconds % 1_000_000)
        return "\(seconds)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

    public var description: String { timestamp }

    public static func < (lhs: WallTime, rhs: WallTime) -> Bool { lhs.microseconds < rhs.microseconds }

    /// The time `rhs` later.
    public static func + (lhs: WallTime, rhs: Duration) -> WallTime {
        WallTime(microseconds: lhs.microseconds + rhs.wholeMicroseconds)
    }

    /// The time `rhs` earlier.
    public static func - (lhs: WallTime, rhs: Duration) -> WallTime {
        WallTime(microseconds: lhs.microseconds - rhs.wholeMicroseconds)
    }

    /// The time from `rhs` to `lhs`.
    public static func - (lhs: WallTime, rhs: WallTime) -> Duration {
        .microseconds(lhs.microseconds - rhs.microseconds)
    }
}

extension Duration {
    /// The duration in whole microseconds.
    var wholeMicroseconds: Int64 {
        let parts = components
        return parts.seconds * 1_000_000 + parts.attoseconds / 1_000_000_000_000
    }

    /// Whole seconds, rounded down, as Asterisk reports `HoldTime`, `TalkTime` and `RingTime` of AgentConnect.
    var wholeSeconds: Int64 { max(0, wholeMicroseconds / 1_000_000) }

    /// Whole milliseconds, as Asterisk reports `RingTime` of AgentRingNoAnswer.
    var wholeMilliseconds: Int64 { max(0, wholeMicroseconds / 1000) }

    /// A duration of `seconds`, as drawn from a random range.
    static func seconds(fractional seconds: Double) -> Duration {
        .microseconds(Int64((seconds * 1_000_000).rounded()))
    }
}
