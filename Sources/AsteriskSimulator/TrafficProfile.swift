/// How the simulated callers behave: arrival rate, patience, ring and talk times.
public struct TrafficProfile: Sendable, Hashable {
    /// Mean arrivals per second (Poisson).
    public var callsPerSecond: Double
    /// Mean talk time in seconds (exponential, at least `minimumTalkSeconds`).
    public var meanTalkSeconds: Double = 45
    /// Shortest talk time.
    public var minimumTalkSeconds: Double = 3
    /// Mean caller patience in seconds before abandoning (exponential).
    public var meanPatienceSeconds: Double = 90
    /// Ring time before an agent answers, in seconds (uniform in this range).
    public var ringSeconds: ClosedRange<Double> = 1...6
    /// Chance that an offered agent does not answer (ring-no-answer).
    public var noAnswerProbability: Double = 0.08
    /// Ring time after which an unanswered offer is given up.
    public var ringTimeoutSeconds: Double = 15
    /// Queues callers choose from, with relative weights.
    public var queues: [(name: String, weight: Double)] = [("support", 3), ("sales", 1)]

    /// A profile at `callsPerSecond`; `timeScale` shrinks or stretches every duration (0.1 = ten times faster calls).
    public init(callsPerSecond: Double, timeScale: Double = 1) {
        self.callsPerSecond = callsPerSecond
        meanTalkSeconds *= timeScale
        minimumTalkSeconds *= timeScale
        meanPatienceSeconds *= timeScale
        ringSeconds = (ringSeconds.lowerBound * timeScale)...(ringSeconds.upperBound * timeScale)
        ringTimeoutSeconds *= timeScale
    }

    public static func == (lhs: TrafficProfile, rhs: TrafficProfile) -> Bool {
        lhs.callsPerSecond == rhs.callsPerSecond && lhs.meanTalkSeconds == rhs.meanTalkSeconds
            && lhs.meanPatienceSeconds == rhs.meanPatienceSeconds && lhs.ringSeconds == rhs.ringSeconds
            && lhs.noAnswerProbability == rhs.noAnswerProbability && lhs.queues.map(\.name) == rhs.queues.map(\.name)
            && lhs.queues.map(\.weight) == rhs.queues.map(\.weight)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(callsPerSecond)
        hasher.combine(meanTalkSeconds)
        hasher.combine(queues.map(\.name))
    }
}
