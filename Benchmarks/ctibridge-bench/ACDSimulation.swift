import CTICore

/// Drives an `ACDEngine` like a busy contact centre: callers arrive (more when fewer wait),
/// agents answer, decline or let offers ring out, talk, wrap up, take breaks; callers abandon.
/// Every `handle(_:at:)` call is timed with the monotonic clock.
struct ACDSimulation {
    /// What the driver does next, in simulated time.
    enum Pending {
        case arrival
        case answer(call: Int, generation: Int, agent: Int)
        case decline(call: Int, generation: Int, agent: Int)
        case end(call: Int)
        case abandon(call: Int)
        case pause(agent: Int)
        case unpause(agent: Int)
        case tick
    }

    enum Phase { case waiting, ringing, connected, gone }

    struct Call {
        var phase = Phase.waiting
        /// Bumped on every offer and cancellation, so answers scheduled for an old offer are dropped.
        var generation = 0
        /// Counted in `inQueue`.
        var queued = false
    }

    /// What the measured phase saw.
    struct Tally {
        var handled = 0
        var offers = 0
        var decisions = 0
        var errors = 0
        var arrivals = 0
        var answered = 0
        var abandoned = 0
        var refused = 0
        var overflowed = 0
        var autoPauses = 0
        var waitingSum = 0
        var waitingMin = Int.max
        var waitingMax = 0
        /// FNV-1a over every offer's call and agents, in order: the same seed and options give the
        /// same digest, so an engine change that alters any routing decision shows here.
        var offerDigest: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func fold(_ text: String) {
            for byte in text.utf8 { offerDigest = (offerDigest ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
    }

    var engine: ACDEngine
    let workload: ACDWorkload
    let targetWaiting: Int
    private var random: BenchmarkRandom
    private var future = SimulatedEvents<Pending>()
    private var calls: [Call] = []
    private var agentIndex: [AgentID: Int] = [:]
    private(set) var now = 0.0
    /// Calls in a queue (waiting or ringing), as the engine's decisions tell.
    private(set) var inQueue = 0
    private(set) var loggedIn = 0

    static let averageHandleTime = 180.0
    static let averagePatience = 900.0
    /// Calls per second the agents can take in steady state (talk + wrap-up + ringing).
    let capacity: Double

    /// Latencies of every `handle` call, and of those that offered a call to an agent.
    var all: LatencySamples
    var routing: LatencySamples
    var tally = Tally()
    var measuring = false

    init(workload: ACDWorkload, targetWaiting: Int, seed: UInt64, expectedEvents: Int) throws {
        engine = try ACDEngine(configuration: workload.configuration)
        self.workload = workload
        self.targetWaiting = targetWaiting
        random = BenchmarkRandom(seed: seed ^ 0xACD)
        for (index, id) in workload.agentIDs.enumerated() { agentIndex[id] = index }
        capacity = Double(workload.agentIDs.count) / (Self.averageHandleTime + 12.5 + 4)
        all = LatencySamples(capacity: expectedEvents)
        routing = LatencySamples(capacity: expectedEvents)
    }

    /// Logs every agent in (one event each) and starts the arrivals.
    mutating func start() {
        for agent in workload.agentIDs { handle(.login(agent)) }
        loggedIn = workload.agentIDs.count
        future.schedule(.arrival, at: now)
    }

    /// Runs simulated events until `done` says stop; returns false when nothing is left to do.
    mutating func run(until done: (ACDSimulation) -> Bool) {
        while !done(self), let (time, pending) = future.popFirst() {
            now = max(now, time)
            step(pending)
        }
    }

    private mutating func step(_ pending: Pending) {
        switch pending {
        case .arrival:
            arrive()
            let pressure = 1 + Double(targetWaiting - inQueue) / Double(max(1, targetWaiting / 2))
            future.schedule(.arrival, at: now + random.exponential(mean: 1 / (capacity * min(4, max(0.25, pressure)))))
        case .answer(let call, let generation, let agent):
            guard calls[call].phase == .ringing, calls[call].generation == generation else { return }
            handle(.offerAnswered(Self.callID(call), agent: workload.agentIDs[agent]))
        case .decline(let call, let generation, let agent):
            guard calls[call].phase == .ringing, calls[call].generation == generation else { return }
            calls[call].generation += 1
            handle(.offerNotAnswered(Self.callID(call), agent: workload.agentIDs[agent]))
        case .end(let call):
            guard calls[call].phase == .connected else { return }
            calls[call].phase = .gone
            handle(.callEnded(Self.callID(call), hold: random.chance(0.2) ? random.uniform(5, 40) : 0))
        case .abandon(let call):
            guard calls[call].phase == .waiting || calls[call].phase == .ringing else { return }
            if measuring { tally.abandoned += 1 }
            calls[call].phase = .gone
            calls[call].generation += 1
            leaveQueue(call)
            handle(.callerAbandoned(Self.callID(call)))
        case .pause(let agent):
            handle(.pause(workload.agentIDs[agent], reason: random.chance(0.5) ? "break" : "training"))
            future.schedule(.unpause(agent: agent), at: now + random.exponential(mean: 120))
        case .unpause(let agent):
            handle(.unpause(workload.agentIDs[agent]))
        case .tick:
            guard let due = engine.nextTimer?.seconds, due <= now else { return }
            handle(.tick)
        }
    }

    private mutating func arrive() {
        let number = calls.count
        calls.append(Call())
        let queue = random.int(0..<workload.queueIDs.count)
        var skills: [SkillRequirement] = []
        if random.chance(0.4) { skills.append(SkillRequirement(workload.queueSkill[queue], atLeast: random.int(3..<8))) }
        if random.chance(0.3) { skills.append(SkillRequirement(workload.queueLanguage[queue], atLeast: 5)) }
        let arrival = CallArrival(
            id: Self.callID(number), queue: workload.queueIDs[queue], priority: random.chance(0.05) ? 10 : 0, skills: skills,
            callerNumber: "+8428" + ACDWorkload.name("", random.int(0..<50_000), digits: 7),
            maximumPenalty: random.chance(0.5) ? 1 : nil)
        if measuring { tally.arrivals += 1 }
        handle(.callArrived(arrival))
        if calls[number].phase == .waiting {
            future.schedule(.abandon(call: number), at: now + random.exponential(mean: Self.averagePatience))
        }
    }

    /// Times one `handle` call and acts on its decisions.
    private mutating func handle(_ event: ACDEvent) {
        let decisions: [ACDDecision]
        let start = LatencySamples.now()
        do {
            decisions = try engine.handle(event, at: ACDInstant(seconds: now))
        } catch {
            if measuring { tally.errors += 1 }
            return
        }
        let elapsed = LatencySamples.now() &- start
        var offered = 0
        for decision in decisions {
            if case .offer = decision { offered += 1 }
            react(to: decision)
        }
        guard measuring else { return }
        all.append(elapsed)
        if offered > 0 { routing.append(elapsed) }
        tally.handled += 1
        tally.offers += offered
        tally.decisions += decisions.count
        tally.waitingSum += inQueue
        tally.waitingMin = min(tally.waitingMin, inQueue)
        tally.waitingMax = max(tally.waitingMax, inQueue)
    }

    private mutating func react(to decision: ACDDecision) {
        switch decision {
        case .queued(let id, _, _):
            let call = Self.number(id)
            calls[call].phase = .waiting
            if !calls[call].queued {
                calls[call].queued = true
                inQueue += 1
            }
        case .joinRefused(let id, _, _):
            calls[Self.number(id)].phase = .gone
            leaveQueue(Self.number(id))
            if measuring { tally.refused += 1 }
        case .offer(let offer):
            if measuring {
                tally.fold(offer.call.description)
                for agent in offer.agents { tally.fold(agent.description) }
            }
            let call = Self.number(offer.call)
            calls[call].phase = .ringing
            calls[call].generation += 1
            let generation = calls[call].generation
            guard let answering = offer.agents.randomElement(using: &random), let agent = agentIndex[answering] else { return }
            let draw = random.unit()
            if draw < 0.93 {
                future.schedule(.answer(call: call, generation: generation, agent: agent), at: now + random.uniform(1, 6))
            } else if draw < 0.97 {
                future.schedule(.decline(call: call, generation: generation, agent: agent), at: now + random.uniform(2, 10))
            }  // else: nobody answers and the engine's ring timeout fires
        case .cancelOffers(let id, _):
            let call = Self.number(id)
            calls[call].generation += 1
            if calls[call].phase == .ringing { calls[call].phase = .waiting }
        case .connect(let id, let agent, _), .dialCallback(let id, let agent, _):
            let call = Self.number(id)
            calls[call].phase = .connected
            leaveQueue(call)
            if measuring { tally.answered += 1 }
            future.schedule(.end(call: call), at: now + max(10, random.exponential(mean: Self.averageHandleTime)))
            if random.chance(0.02), let index = agentIndex[agent] {
                future.schedule(.pause(agent: index), at: now + random.uniform(30, 120))
            }
        case .voicemail(let id, _), .leaveEmpty(let id, _):
            calls[Self.number(id)].phase = .gone
            leaveQueue(Self.number(id))
        case .overflow:
            if measuring { tally.overflowed += 1 }
        case .autoPause(let agent, _, _):
            if measuring { tally.autoPauses += 1 }
            if let index = agentIndex[agent] { future.schedule(.unpause(agent: index), at: now + random.uniform(20, 90)) }
        case .scheduleTimer(let at):
            future.schedule(.tick, at: at.seconds)
        case .convertToCallback, .startWrapUp, .wrapUpEnded:
            break
        }
    }

    private mutating func leaveQueue(_ call: Int) {
        guard calls[call].queued else { return }
        calls[call].queued = false
        inQueue -= 1
    }

    static func callID(_ number: Int) -> CallID { CallID("c" + String(number)) }

    static func number(_ id: CallID) -> Int { Int(id.rawValue.dropFirst())! }
}
