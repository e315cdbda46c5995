/// A point on the engine's timeline, in seconds since an origin the caller chooses.
///
/// The engine never reads a clock: every event comes with its instant, so a whole day can be
/// simulated in a test without sleeping.
public struct ACDInstant: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral
{
    /// Seconds since the origin.
    public var seconds: Double

    /// The instant `seconds` after the origin.
    public init(seconds: Double) { self.seconds = seconds }

    public init(integerLiteral value: Int) { seconds = Double(value) }

    public init(floatLiteral value: Double) { seconds = value }

    public static func < (lhs: ACDInstant, rhs: ACDInstant) -> Bool { lhs.seconds < rhs.seconds }

    /// The instant `interval` seconds later.
    public static func + (lhs: ACDInstant, interval: Double) -> ACDInstant { ACDInstant(seconds: lhs.seconds + interval) }

    /// Seconds from `rhs` to `lhs`.
    public static func - (lhs: ACDInstant, rhs: ACDInstant) -> Double { lhs.seconds - rhs.seconds }

    public var description: String { "t=\(seconds)" }
}
