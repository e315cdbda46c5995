/// Generated inbound calls: arrival rate, which queue they call, patience, talk time and who hangs up.
public struct TrafficProfile: Sendable, Hashable {
    /// A queue callers may choose, with its relative weight and the number they dial for it.
    public struct QueueShare: Sendable, Hashable {
        /// Queue name.
        public var name: String
        /// Relative share of calls.
        public var weight: Double
        /// The number dialled (the caller's `Exten`).
        public var dialedNumber: String

        /// A share of the traffic.
        public init(name: String, weight: Double, dialedNumber: String) {
            self.name = name
            self.weight = weight
            self.dialedNumber = dialedNumber
        }
    }

    /// Mean arrivals per second (Poisson).
    public var callsPerSecond: Double
    /// Multiplies every duration below and the agents' (0.01 = a hundred times faster calls).
    public var timeScale: Double
    /// Mean talk time in seconds (exponential, at least `minimumTalkSeconds`), before scaling.
    public var meanTalkSeconds: Double = 45
    /// Shortest talk time in seconds, before scaling.
    public var minimumTalkSeconds: Double = 3
    /// Mean caller patience in seconds before abandoning (exponential), before scaling.
    public var meanPatienceSeconds: Double = 90
    /// Share of answered calls that the caller (rather than the agent) ends.
    public var callerHangupShare: Double = 0.6
    /// Queues callers choose from; queues missing from the PBX are skipped.
    public var queues: [QueueShare] = [
        QueueShare(name: "support", weight: 3, dialedNumber: "5000"),
        QueueShare(name: "sales", weight: 1, dialedNumber: "5001"),
    ]
    /// How agents answer while this traffic runs (its `timeScale` follows the profile's).
    public var agents: AgentBehaviour
    /// The trunk callers come in on; their channels are `<trunk>-<sequence>`.
    public var trunk: String = "PJSIP/trunk-provider"
    /// The dialplan context inbound calls start in.
    public var inboundContext: String = "inbound"

    /// A profile at `callsPerSecond`; `timeScale` shrinks or stretches every duration.
    public init(callsPerSecond: Double, timeScale: Double = 1) {
        self.callsPerSecond = callsPerSecond
        self.timeScale = timeScale
        self.agents = AgentBehaviour(timeScale: timeScale)
    }

    /// `seconds` of caller behaviour at this time scale.
    func scaled(_ seconds: Double) -> Duration { .seconds(fractional: seconds * timeScale) }
}
