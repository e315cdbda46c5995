/// How the simulated members' phones answer, and how fast simulated time runs for them.
public struct AgentBehaviour: Sendable, Hashable {
    /// Seconds a phone rings before the agent answers (uniform in this range), before scaling.
    public var ringSeconds: ClosedRange<Double> = 1...6
    /// Chance that an offer is not answered and rings out after the queue's `timeout`.
    public var noAnswerProbability: Double = 0.08
    /// Multiplies ring times and the queues' `timeout`, `retry` and `wrapuptime` (0.1 = ten times faster).
    public var timeScale: Double = 1

    /// Agents that answer after 1–6 s, missing 8 % of offers.
    public init(ringSeconds: ClosedRange<Double> = 1...6, noAnswerProbability: Double = 0.08, timeScale: Double = 1) {
        self.ringSeconds = ringSeconds
        self.noAnswerProbability = noAnswerProbability
        self.timeScale = timeScale
    }

    /// `seconds` of simulated behaviour at this time scale.
    func scaled(_ seconds: Double) -> Duration { .seconds(fractional: seconds * timeScale) }
}
