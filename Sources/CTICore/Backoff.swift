/// Reconnect delays: exponential growth with full jitter, capped.
///
/// Pure: the random source is passed in, so tests get the same delays every run.
public struct Backoff: Sendable, Hashable {
    /// Delay bound for the first retry.
    public var initial: Duration
    /// Largest delay bound.
    public var maximum: Duration
    /// Growth factor per attempt.
    public var multiplier: Double

    /// A policy; defaults suit a PBX link: 0.25 s, doubling, at most 30 s.
    public init(initial: Duration = .milliseconds(250), maximum: Duration = .seconds(30), multiplier: Double = 2) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
    }

    /// The upper bound of the delay before retry number `attempt` (0 for the first retry).
    public func ceiling(attempt: Int) -> Duration {
        let initialSeconds = initial.seconds
        let grown = initialSeconds * pow(multiplier, Double(min(attempt, 64)))
        return .seconds(min(grown, maximum.seconds))
    }

    /// A delay drawn uniformly from half the ceiling up to the ceiling ("equal jitter"), so many
    /// clients restarting together spread out, and no retry comes immediately.
    public func delay(attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let bound = ceiling(attempt: attempt).seconds
        return .seconds(Double.random(in: (bound / 2)...bound, using: &generator))
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    var remaining = Int(exponent)
    while remaining > 0 {
        result *= base
        remaining -= 1
    }
    return result
}
