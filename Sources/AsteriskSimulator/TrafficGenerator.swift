import AMI

/// Realistic inbound queue calls as AMI events, without sockets: a ``SimulatedPBX`` running
/// generated traffic in virtual time. The same seed always gives the same events, so it serves
/// tests and benchmark streams alike.
public struct TrafficGenerator: Sendable {
    /// The simulated PBX, with calls in progress.
    public private(set) var pbx: SimulatedPBX
    /// The traffic.
    public let profile: TrafficProfile

    /// Generates `profile` traffic on `pbx`, starting at its current time; `callLimit` stops arrivals.
    public init(pbx: SimulatedPBX, profile: TrafficProfile, seed: UInt64, callLimit: Int? = nil) {
        self.pbx = pbx
        self.profile = profile
        self.pbx.startTraffic(profile, seed: seed, limit: callLimit)
    }

    /// Runs the PBX up to `time` and returns the events raised on the way.
    public mutating func advance(to time: WallTime) -> [AMIMessage] {
        pbx.advance(to: time)
        return pbx.drainEvents()
    }

    /// Runs until nothing more is scheduled (all arrivals made, every call ended) and returns the events.
    public mutating func runToCompletion() -> [AMIMessage] {
        var events = pbx.drainEvents()
        while let next = pbx.nextStepTime {
            pbx.advance(to: next)
            events += pbx.drainEvents()
        }
        return events
    }

    /// The events of `count` whole calls at `callsPerSecond`, on a site with enough agents for
    /// the load (most calls are answered; some ring out, some callers give up).
    public static func events(
        forCalls count: Int, seed: UInt64 = 1, callsPerSecond: Double = 2, start: WallTime = .captureEpoch
    ) -> [AMIMessage] {
        let profile = TrafficProfile(callsPerSecond: callsPerSecond)
        var generator = TrafficGenerator(pbx: site(for: profile, start: start, seed: seed), profile: profile, seed: seed, callLimit: count)
        return generator.runToCompletion()
    }

    /// A `support`/`sales` site staffed for `profile` (offered load plus a fifth), up since before `start`.
    public static func site(for profile: TrafficProfile, start: WallTime = .captureEpoch, seed: UInt64 = 1) -> SimulatedPBX {
        let totalWeight = max(profile.queues.reduce(0) { $0 + $1.weight }, 1)
        let largestShare = profile.queues.map { $0.weight / totalWeight }.max() ?? 1
        let erlangs = profile.callsPerSecond * (profile.meanTalkSeconds + profile.minimumTalkSeconds) * profile.timeScale * largestShare
        let agents = Int((erlangs * 1.2).rounded(.up)) + 2
        var pbx = SimulatedPBX.contactCentre(agentsPerQueue: agents, bootTime: start - .seconds(873), seed: seed)
        pbx.setTime(start)
        return pbx
    }
}

extension TrafficGenerator {
    /// What a client reads on a logged-in session while `count` calls go by: the greeting, the
    /// login answer, then every event on the wire (`\r\n`, C-escaped values). For benchmarks.
    public static func sessionBytes(forCalls count: Int, seed: UInt64 = 1, callsPerSecond: Double = 2) -> [UInt8] {
        var bytes = Array("Asterisk Call Manager/11.0.0\r\nResponse: Success\r\nActionID: login-1\r\nMessage: Authentication accepted\r\n\r\n".utf8)
        for event in events(forCalls: count, seed: seed, callsPerSecond: callsPerSecond) { bytes += event.wireBytes }
        return bytes
    }
}
