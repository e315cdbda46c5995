import AMI
import CTICore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Generated traffic in progress: its profile, its own random stream, and how many calls remain.
struct TrafficState: Sendable {
    var profile: TrafficProfile
    var random: SeededGenerator
    var limit: Int?
    var started = 0
}

/// Inbound queue calls from a trunk, at Poisson arrivals: the caller rings in, runs the inbound
/// dialplan, joins a queue with a patience, a talk time, and who will hang up.
extension SimulatedPBX {
    /// Starts generating calls now (replacing any traffic in progress); `limit` stops arrivals after
    /// that many calls. Agents answer as the profile says while it runs.
    public mutating func startTraffic(_ profile: TrafficProfile, seed: UInt64, limit: Int? = nil) {
        trafficGeneration += 1
        traffic = TrafficState(profile: profile, random: SeededGenerator(seed: seed), limit: limit)
        settings.agents = profile.agents
        scheduleNextArrival()
    }

    /// Stops new arrivals; calls in progress go on to their end.
    public mutating func stopTraffic() {
        trafficGeneration += 1
        traffic = nil
    }

    /// Calls the current traffic has started.
    public var trafficCallsStarted: Int { traffic?.started ?? 0 }

    /// Whether generated calls are arriving.
    public var isGeneratingTraffic: Bool { traffic != nil }

    private mutating func scheduleNextArrival() {
        guard var state = traffic, state.started < (state.limit ?? .max), state.profile.callsPerSecond > 0 else { return }
        let gap = Self.exponential(mean: 1 / state.profile.callsPerSecond, using: &state.random)
        traffic = state
        schedule(.arrival(generation: trafficGeneration), after: .seconds(fractional: gap))
    }

    /// One generated call arrives.
    mutating func trafficArrival(generation: Int) {
        guard generation == trafficGeneration, var state = traffic, state.started < (state.limit ?? .max) else { return }
        let profile = state.profile
        let shares = profile.queues.filter { queues[$0.name] != nil }
        guard let share = Self.pick(shares, using: &state.random) ?? queueOrder.first.map({ .init(name: $0, weight: 1, dialedNumber: "5000") }) else {
            return
        }
        let caller = CallerDirectory.caller(using: &state.random)
        let talk = max(profile.minimumTalkSeconds, Self.exponential(mean: profile.meanTalkSeconds, using: &state.random))
        let patience = Self.exponential(mean: profile.meanPatienceSeconds, using: &state.random)
        let callerHangsUp = Double.random(in: 0..<1, using: &state.random) < profile.callerHangupShare
        state.started += 1
        traffic = state

        callsProcessed += 1
        let id = makeChannel(
            name: "\(profile.trunk)-\(nextNameSuffix())", state: 4, context: profile.inboundContext, exten: share.dialedNumber,
            callerNumber: caller.number, callerName: caller.name)
        emitChannelEvent("Newchannel", id)
        runApplication(id, "NoOp", "inbound \(share.dialedNumber)", priority: 1)
        runApplication(id, "Answer", "")
        setState(id, 6)
        runApplication(id, "Queue", "\(share.name),,,,300")
        startQueueApplication(id)
        joinQueue(id, queue: share.name, script: CallerScript(
            patience: profile.scaled(patience), talkTime: profile.scaled(talk), callerHangsUp: callerHangsUp))
        scheduleNextArrival()
    }

    private static func pick(_ shares: [TrafficProfile.QueueShare], using random: inout SeededGenerator) -> TrafficProfile.QueueShare? {
        let total = shares.reduce(0) { $0 + max(0, $1.weight) }
        guard total > 0 else { return shares.first }
        var draw = Double.random(in: 0..<total, using: &random)
        for share in shares {
            draw -= max(0, share.weight)
            if draw < 0 { return share }
        }
        return shares.last
    }

    /// An exponentially distributed value with this mean.
    static func exponential(mean: Double, using random: inout SeededGenerator) -> Double {
        -log(Double.random(in: Double.ulpOfOne..<1, using: &random)) * mean
    }
}
