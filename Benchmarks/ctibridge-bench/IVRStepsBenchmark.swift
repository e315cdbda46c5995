import ArgumentParser
import CTICore
import Foundation

/// `ctibridge-bench ivr-steps`: IVR steps/s and per-step latency for many concurrent calls.
struct IVRStepsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ivr-steps",
        abstract: "Run many concurrent calls through the sample main-menu flow in the pure IVREngine.",
        discussion: """
            A step is one IVREngine.handle(_:at:into:) call: call started, playback started/finished/failed, \
            a DTMF digit, a timer, a lookup result, a recording, a hang-up. Events of all calls interleave \
            in simulated time; each call that leaves the IVR is replaced by a new one. Latency is per \
            step, by the monotonic clock.
            """)

    @Option(help: "Calls in the IVR at once.")
    var calls = 10_000

    @Option(help: "Steps measured after the warm-up.")
    var steps = 2_000_000

    @Option(help: "Steps run before the measurement.")
    var warmUpSteps = 200_000

    @Option(help: "Stop measuring after this many seconds of elapsed time, whatever --steps says.")
    var maxSeconds = 45.0

    @Option(help: "The flow document.")
    var flow: String = BenchmarkPaths.mainMenuFlow

    @Option(help: "Seed for the callers and Asterisk's answers.")
    var seed: UInt64 = 2026

    @Option(help: "cpu: this thread's CPU time for the whole measured run; wall: elapsed time. Latencies are always monotonic wall time.")
    var clock: Stopwatch = .cpu

    func validate() throws {
        guard calls > 0, steps > 0, warmUpSteps >= 0, maxSeconds > 0 else {
            throw ValidationError("--calls, --steps and --max-seconds must be positive")
        }
    }

    func run() throws {
        if let load = LoadAverage.line() { print(load) }
        let document = try IVRFlow.decode(json: Data(contentsOf: URL(fileURLWithPath: flow)))
        var registry = FlowRegistry()
        let published = try registry.publish(document, by: "bench", at: IVRSimulation.origin)
        print("IVR: flow \(published.flowID) v\(published.version) (\(document.nodes.count) nodes) from \(flow)")
        print("\(calls) concurrent calls; warm-up \(warmUpSteps) steps; measuring \(steps) steps (at most \(NumberFormat.fixed(maxSeconds, 0)) s); \(clock) time")

        var simulation = IVRSimulation(flow: published, concurrentCalls: calls, seed: seed, expectedSteps: steps)
        simulation.measuring = true
        let warmUpSteps = warmUpSteps
        simulation.run { $0.tally.steps >= warmUpSteps }
        simulation.samples = LatencySamples(capacity: steps)
        simulation.tally = IVRSimulation.Tally()

        let startSimulated = simulation.now
        let deadline = LatencySamples.now() + UInt64(maxSeconds * 1e9)
        let steps = steps
        let seconds = clock.seconds {
            simulation.run { $0.tally.steps >= steps || ($0.tally.steps % 1024 == 0 && LatencySamples.now() > deadline) }
        }
        let tally = simulation.tally
        let engineSeconds = simulation.samples.totalSeconds
        print("")
        print("Measured: \(NumberFormat.grouped(tally.steps)) steps over \(NumberFormat.fixed(simulation.now - startSimulated, 0)) simulated s; \(NumberFormat.grouped(tally.calls)) calls left the IVR")
        print("Outcomes: " + tally.outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print("")
        print(LatencyTable(rows: [("every step", simulation.samples)]).render())
        print("")
        print("Steps/s, engine time only: \(NumberFormat.grouped(Int((Double(tally.steps) / engineSeconds).rounded()))) (\(NumberFormat.fixed(engineSeconds, 2)) s in handle)")
        print("Whole measured run, driver included (\(clock) time): \(NumberFormat.fixed(seconds, 2)) s, \(NumberFormat.grouped(Int((Double(tally.steps) / seconds).rounded()))) steps/s")
    }
}
