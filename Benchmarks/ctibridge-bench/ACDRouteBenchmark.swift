import ArgumentParser
import CTICore

/// `ctibridge-bench acd-route`: routing decisions/s and decision latency of the pure ACD engine.
struct ACDRouteBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acd-route",
        abstract: "Route a busy contact centre through ACDEngine and time every handle(_:at:) call.",
        discussion: """
            Agents work several queues at penalties 0-3 with skills; queues mix leastrecent, rrmemory, \
            wrandom, fewestcalls (and a few random, linear, ringall) with weights, penalty rules, aging, \
            skill relaxation, overflow and sticky agents. Callers arrive faster when fewer wait, so about \
            --waiting calls sit in the queues; agents answer (93 %), decline (4 %) or let offers ring out, \
            talk, wrap up, take breaks; callers abandon. Latency is per handle call, by the monotonic clock.
            """)

    @Option(help: "Agents, all logged in.")
    var agents = 5_000

    @Option(help: "Queues.")
    var queues = 200

    @Option(help: "Calls waiting in the queues in steady state.")
    var waiting = 1_000

    @Option(help: "Simulated seconds before the measurement (queues fill, calls end, wrap-ups start).")
    var warmUp = 900.0

    @Option(help: "handle calls measured after the warm-up.")
    var events = 200_000

    @Option(help: "Stop measuring after this many seconds of elapsed time, whatever --events says.")
    var maxSeconds = 45.0

    @Option(help: "Seed for the workload, the driver and the engine's random strategies.")
    var seed: UInt64 = 2026

    @Option(help: "cpu: this thread's CPU time for the whole measured run; wall: elapsed time. Latencies are always monotonic wall time.")
    var clock: Stopwatch = .cpu

    func validate() throws {
        guard agents > 0, queues >= 5, waiting > 0, events > 0, warmUp >= 0, maxSeconds > 0 else {
            throw ValidationError("--agents, --waiting, --events and --max-seconds must be positive, --queues at least 5")
        }
    }

    func run() throws {
        if let load = LoadAverage.line() { print(load) }
        let workload = ACDWorkload(agents: agents, queues: queues, seed: seed)
        let memberships = workload.configuration.agents.reduce(0) { $0 + $1.memberships.count }
        print("ACD: \(agents) agents (\(NumberFormat.fixed(Double(memberships) / Double(agents), 1)) queues each), \(queues) queues (\(workload.strategyMix()))")
        print("Target ~\(waiting) waiting calls; warm-up \(NumberFormat.fixed(warmUp, 0)) simulated s; measuring \(events) handle calls (at most \(NumberFormat.fixed(maxSeconds, 0)) s); \(clock) time")

        var simulation = try ACDSimulation(workload: workload, targetWaiting: waiting, seed: seed, expectedEvents: events)
        let setup = Stopwatch.wall.seconds {
            simulation.start()
            let warmUp = warmUp
            simulation.run { $0.now >= warmUp && $0.inQueue >= $0.targetWaiting * 9 / 10 }
        }
        print("Warm-up: \(NumberFormat.fixed(setup, 1)) s elapsed, \(NumberFormat.fixed(simulation.now, 0)) simulated s, \(simulation.inQueue) calls in queue")

        simulation.measuring = true
        let startSimulated = simulation.now
        let deadline = LatencySamples.now() + UInt64(maxSeconds * 1e9)
        let events = events
        let seconds = clock.seconds {
            simulation.run { $0.tally.handled >= events || ($0.tally.handled % 256 == 0 && LatencySamples.now() > deadline) }
        }
        let tally = simulation.tally
        let engineSeconds = simulation.all.totalSeconds
        print("")
        print("Measured: \(NumberFormat.grouped(tally.handled)) handle calls over \(NumberFormat.fixed(simulation.now - startSimulated, 0)) simulated s; \(NumberFormat.grouped(simulation.routing.count)) of them offered calls (\(NumberFormat.grouped(tally.offers)) offers)")
        print("Calls: \(tally.arrivals) arrived, \(tally.answered) answered, \(tally.abandoned) abandoned, \(tally.refused) refused, \(tally.overflowed) overflowed; \(tally.autoPauses) auto-pauses; \(tally.errors) engine errors")
        var states: [AgentStateKind: Int] = [:]
        for agent in workload.agentIDs { if let state = simulation.engine.state(of: agent) { states[state.kind, default: 0] += 1 } }
        print("Agents at the end: " + AgentStateKind.allCases.map { "\($0.rawValue) \(states[$0] ?? 0)" }.joined(separator: ", "))
        print("Offer digest (equal for equal decisions): \(String(tally.offerDigest, radix: 16))")
        print("Calls in queue while measuring: average \(tally.handled > 0 ? tally.waitingSum / tally.handled : 0), min \(tally.waitingMin), max \(tally.waitingMax)")
        print("")
        print(LatencyTable(rows: [("every handle call", simulation.all), ("handle calls that offered", simulation.routing)]).render())
        print("")
        print("Routing decisions (offers)/s, engine time only: \(NumberFormat.grouped(Int((Double(tally.offers) / engineSeconds).rounded()))) (\(NumberFormat.fixed(engineSeconds, 2)) s in handle)")
        print("handle calls/s, engine time only: \(NumberFormat.grouped(Int((Double(tally.handled) / engineSeconds).rounded())))")
        print("Whole measured run, driver included (\(clock) time): \(NumberFormat.fixed(seconds, 2)) s, \(NumberFormat.grouped(Int((Double(tally.offers) / seconds).rounded()))) offers/s")
        let p99 = simulation.routing.summary([0.99]).percentiles[0]
        print("target p99 decision latency < 50 µs: \(p99 < 50 ? "met" : "NOT met") (p99 \(NumberFormat.fixed(p99, 1)) µs)")
        if tally.errors > 0 { print("warning: the engine refused \(tally.errors) events; the driver's bookkeeping is off") }
    }
}
