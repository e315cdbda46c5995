/// A channel state as ARI spells it; unknown spellings are kept, not rejected.
public struct ARIChannelState: RawRepresentable, Codable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let down: Self = "Down"
    public static let reserved: Self = "Rsrved"
    public static let offHook: Self = "OffHook"
    public static let dialing: Self = "Dialing"
    public static let ring: Self = "Ring"
    public static let ringing: Self = "Ringing"
    public static let up: Self = "Up"
    public static let busy: Self = "Busy"
    public static let dialingOffhook: Self = "Dialing Offhook"
    public static let preRing: Self = "Pre-ring"
    public static let unknown: Self = "Unknown"

    /// Whether media calls (play, record) are refused with 412 in this state.
    public var isUnanswered: Bool { self == .down || self == .reserved || self == .ringing }
}
