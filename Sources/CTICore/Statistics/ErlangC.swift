import Foundation

/// Erlang C queueing model for staffing: calls arrive at random, wait in one queue, and are
/// answered by `agents` identical agents (see domain.md).
///
/// Numerically stable for large traffic: the Erlang B recursion never forms `A^N` or `N!`.
public struct ErlangC: Sendable, Hashable {
    /// Why a staffing question has no answer.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// With `agents ≤ traffic` the queue grows without bound: there is no steady state.
        case noSteadyState(agents: Int, traffic: Double)
        /// An input was zero, negative or not a number.
        case invalidInput(String)
        /// No staffing up to the search limit reaches the target.
        case targetUnreachable(limit: Int)

        public var description: String {
            switch self {
            case .noSteadyState(let agents, let traffic):
                "\(agents) agents cannot carry \(String(format: "%.2f", traffic)) Erlangs: the queue would grow without bound (need more agents than Erlangs)"
            case .invalidInput(let what): "invalid input: \(what)"
            case .targetUnreachable(let limit): "no staffing up to \(limit) agents reaches the target"
            }
        }
    }

    /// Offered traffic in Erlangs (arrival rate × AHT).
    public let traffic: Double
    /// Average handle time in seconds.
    public let averageHandleTime: Double

    /// Traffic for `calls` arriving in `interval` seconds with `averageHandleTime` seconds each.
    public init(calls: Double, intervalSeconds: Double, averageHandleTime: Double) throws(Problem) {
        guard calls.isFinite, calls >= 0 else { throw .invalidInput("calls must be zero or more") }
        guard intervalSeconds.isFinite, intervalSeconds > 0 else { throw .invalidInput("interval must be positive") }
        guard averageHandleTime.isFinite, averageHandleTime > 0 else { throw .invalidInput("AHT must be positive") }
        self.traffic = calls / intervalSeconds * averageHandleTime
        self.averageHandleTime = averageHandleTime
    }

    /// A model for `traffic` Erlangs directly.
    public init(traffic: Double, averageHandleTime: Double) throws(Problem) {
        guard traffic.isFinite, traffic >= 0 else { throw .invalidInput("traffic must be zero or more") }
        guard averageHandleTime.isFinite, averageHandleTime > 0 else { throw .invalidInput("AHT must be positive") }
        self.traffic = traffic
        self.averageHandleTime = averageHandleTime
    }

    /// Erlang B blocking probability for `agents`, by the recursion B(k) = A·B(k−1) / (k + A·B(k−1)).
    public func erlangB(agents: Int) -> Double {
        var b = 1.0
        if agents > 0 {
            for k in 1...agents { b = traffic * b / (Double(k) + traffic * b) }
        }
        return b
    }

    /// Probability that a caller waits, C(N, A).
    public func probabilityOfWaiting(agents: Int) throws(Problem) -> Double {
        try requireSteadyState(agents)
        let b = erlangB(agents: agents)
        let n = Double(agents)
        return n * b / (n - traffic * (1 - b))
    }

    /// Share of callers answered within `threshold` seconds.
    public func serviceLevel(agents: Int, threshold: Double) throws(Problem) -> Double {
        let c = try probabilityOfWaiting(agents: agents)
        return 1 - c * exp(-(Double(agents) - traffic) * threshold / averageHandleTime)
    }

    /// Average speed of answer in seconds.
    public func averageSpeedOfAnswer(agents: Int) throws(Problem) -> Double {
        let c = try probabilityOfWaiting(agents: agents)
        return c * averageHandleTime / (Double(agents) - traffic)
    }

    /// Agent occupancy, A / N.
    public func occupancy(agents: Int) throws(Problem) -> Double {
        try requireSteadyState(agents)
        return traffic / Double(agents)
    }

    /// Everything for one staffing level.
    public func staffing(agents: Int, threshold: Double) throws(Problem) -> Staffing {
        Staffing(
            agents: agents,
            probabilityOfWaiting: try probabilityOfWaiting(agents: agents),
            serviceLevel: try serviceLevel(agents: agents, threshold: threshold),
            averageSpeedOfAnswer: try averageSpeedOfAnswer(agents: agents),
            occupancy: try occupancy(agents: agents))
    }

    /// The smallest staffing with service level ≥ `target` within `threshold` seconds.
    public func requiredAgents(target: Double, threshold: Double, limit: Int = 100_000) throws(Problem) -> Staffing {
        guard target > 0, target < 1 else { throw .invalidInput("target service level must be between 0 and 1 (exclusive)") }
        guard threshold >= 0 else { throw .invalidInput("threshold must be zero or more") }
        var agents = max(1, Int(traffic.rounded(.down)) + 1)
        while agents <= limit {
            let staffing = try staffing(agents: agents, threshold: threshold)
            if staffing.serviceLevel >= target { return staffing }
            agents += 1
        }
        throw .targetUnreachable(limit: limit)
    }

    /// Agents to schedule so that `agents` remain after `shrinkage` (0 ≤ s < 1) of paid time is lost.
    public static func scheduled(agents: Int, shrinkage: Double) throws(Problem) -> Int {
        guard shrinkage >= 0, shrinkage < 1 else { throw .invalidInput("shrinkage must be at least 0 and below 1") }
        // Guard the rounding so that 14 / 0.7 stays 20, not 21.
        return Int((Double(agents) / (1 - shrinkage) - 1e-9).rounded(.up))
    }

    private func requireSteadyState(_ agents: Int) throws(Problem) {
        guard Double(agents) > traffic else { throw .noSteadyState(agents: agents, traffic: traffic) }
    }
}

/// Erlang C figures for one staffing level.
public struct Staffing: Sendable, Hashable, Codable {
    /// Agents on the phones.
    public var agents: Int
    /// C(N, A): probability that a caller waits.
    public var probabilityOfWaiting: Double
    /// Share answered within the threshold.
    public var serviceLevel: Double
    /// Average speed of answer in seconds.
    public var averageSpeedOfAnswer: Double
    /// A / N.
    public var occupancy: Double
}
