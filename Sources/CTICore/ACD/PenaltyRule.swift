/// An app_queue penalty rule, `penaltychange => secs,±max[,±min]`: once the caller has waited
/// `after` seconds in the queue the allowed member penalty range changes. The caller keeps
/// their place.
public struct PenaltyRule: Sendable, Hashable, Codable {
    /// A new bound: set to a value, or moved by a signed amount from the current one.
    public enum Change: Sendable, Hashable, Codable {
        /// Set the bound to this value (`5`).
        case absolute(Int)
        /// Move the bound by this amount (`+3`, `-1`); an open bound stays open.
        case relative(Int)

        func apply(to bound: Int?) -> Int? {
            switch self {
            case .absolute(let value): value
            case .relative(let delta): bound.map { $0 + delta }
            }
        }
    }

    /// Seconds waited in the queue before the rule applies.
    public var after: Double
    /// The change to the maximum penalty, if any.
    public var maximum: Change?
    /// The change to the minimum penalty, if any.
    public var minimum: Change?

    /// A rule taking effect after `after` seconds.
    public init(after: Double, maximum: Change? = nil, minimum: Change? = nil) {
        self.after = after
        self.maximum = maximum
        self.minimum = minimum
    }

    /// Reads app_queue's `30,+3` or `60,5,-1` text; nil when malformed.
    public init?(parsing text: String) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        guard (2...3).contains(parts.count), let after = Double(parts[0]), after >= 0 else { return nil }
        func change(_ text: String) -> Change?? {
            if text.isEmpty { return .some(nil) }
            guard let value = Int(text) else { return nil }
            return .some(text.hasPrefix("+") || text.hasPrefix("-") ? .relative(value) : .absolute(value))
        }
        guard let maximum = change(parts[1]) else { return nil }
        var minimum: Change?? = .some(nil)
        if parts.count == 3 { minimum = change(parts[2]) }
        guard let minimum else { return nil }
        self.init(after: after, maximum: maximum, minimum: minimum)
    }
}
