/// Work and state times for one agent over one interval (or several added together).
/// State time is split at interval boundaries; calls belong to the interval of their arrival.
public struct AgentStatistics: Sendable, Hashable, Codable {
    /// Calls handled to the end.
    public var handled = 0
    /// Seconds talking.
    public var talkTime = 0.0
    /// Seconds on hold.
    public var holdTime = 0.0
    /// Seconds of after-call work.
    public var wrapUpTime = 0.0
    /// Offers not answered (ring timeout, decline, failure).
    public var missedOffers = 0
    /// Seconds in each state.
    public var stateTime: [AgentStateKind: Double] = [:]
    /// Seconds paused, by reason code.
    public var pauseTime: [String: Double] = [:]

    /// Empty statistics.
    public init() {}

    /// Seconds logged in.
    public var loggedInTime: Double {
        stateTime.filter { $0.key != .loggedOut }.values.reduce(0, +)
    }

    /// Occupancy = handle time / (handle time + available idle time), where handle time is on-call
    /// plus wrap-up and available idle time is ready plus ringing; paused time is left out.
    public var occupancy: Double? {
        let handling = (stateTime[.onCall] ?? 0) + (stateTime[.wrapUp] ?? 0)
        let idle = (stateTime[.ready] ?? 0) + (stateTime[.offered] ?? 0)
        return handling + idle > 0 ? handling / (handling + idle) : nil
    }

    /// Adds another interval's figures to these.
    public mutating func add(_ other: AgentStatistics) {
        handled += other.handled
        talkTime += other.talkTime
        holdTime += other.holdTime
        wrapUpTime += other.wrapUpTime
        missedOffers += other.missedOffers
        stateTime.merge(other.stateTime, uniquingKeysWith: +)
        pauseTime.merge(other.pauseTime, uniquingKeysWith: +)
    }
}
