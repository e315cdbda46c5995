import ArgumentParser
import AsteriskSimulator
import CTIDemo
import Foundation
import Logging
import Synchronization
import WSClient

/// `ctibridge-bench cti-load-driver`: the load side of `cti-load`, in a process of its own (the
/// service under test runs in the parent): the ARI simulator, the callers and every agent's
/// WebSocket. Talks to the parent over its standard input and output (see ``CTILoadBenchmark``).
struct CTILoadDriver: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cti-load-driver",
        abstract: "The simulator, callers and agent sockets of cti-load (started by cti-load; not run by hand).",
        shouldDisplay: false)

    /// The environment variable that carries the simulator's ARI password (not the command line).
    static let passwordVariable = "CTI_LOAD_ARI_PASSWORD"

    @OptionGroup var load: CTILoadOptions

    @Option(help: "Directory for the simulator's recordings.")
    var directory: String

    func run() async throws {
        guard let password = ProcessInfo.processInfo.environment[Self.passwordVariable] else {
            throw ValidationError("\(Self.passwordVariable) is not set")
        }
        let logger = load.logger(label: "bench.cti-load-driver")
        let simulator = DemoAssembly.simulator(
            recordings: URL(fileURLWithPath: directory).appendingPathComponent("recordings"), password: password,
            answerDelay: .milliseconds(load.answerDelay), logger: logger)
        let simulatorTask = Task { try await simulator.run() }
        defer { simulatorTask.cancel() }
        emit("@simulator \(await simulator.baseURL())")

        var input = LineStream.lines(of: .standardInput).makeAsyncIterator()
        let go = await input.next()?.split(separator: " ").map(String.init) ?? []
        guard go.count == 3, go[0] == "go", let port = Int(go[1]) else { throw ValidationError("expected `go PORT TOKENS-FILE` on stdin") }
        let tokens = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: URL(fileURLWithPath: go[2])))

        let recorder = CTILoadRecorder(expected: Int(load.rate * Double(load.seconds) * 1.2))
        let hangUps = CTILoadHangUps(simulator: simulator, talk: load.talkMin...load.talkMax, seed: load.seed)
        let connectStart = LatencySamples.now()
        let agentIDs = CTILoadSite(agents: load.agents).agentIDs
        let clients = Task {
            await withTaskGroup(of: Void.self) { sockets in
                for (index, agent) in agentIDs.enumerated() {
                    let url = "ws://127.0.0.1:\(port)/ws/agent?token=\(tokens[agent] ?? "")"
                    sockets.addTask { try? await Self.agentSocket(url: url, recorder: recorder, hangUps: hangUps) }
                    // Connect in batches so the listen backlog is never overrun.
                    if (index + 1) % 250 == 0 {
                        let target = index + 1
                        try? await waitUntil(timeout: 60) { recorder.welcomes >= target }
                    }
                }
                await sockets.waitForAll()
            }
        }
        defer { clients.cancel() }
        try await waitUntil(timeout: 120) { recorder.welcomes >= load.agents }
        emit("@connected \(NumberFormat.fixed(Double(LatencySamples.now() - connectStart) / 1e9, 2))")

        let rssBefore = ProcessStats.residentMegabytes()
        let cpuStart = ProcessStats.cpuSeconds()
        let wallStart = LatencySamples.now()
        emit("@calls-start")
        let requests = RequestTally()
        let (placed, failed) = try await placeCalls(simulator: simulator, recorder: recorder, requests: requests)
        try? await waitUntil(timeout: 15) { recorder.offers >= placed }
        let cpuSeconds = ProcessStats.cpuSeconds() - cpuStart
        let wallSeconds = Double(LatencySamples.now() - wallStart) / 1e9
        emit("@calls-end")

        let result = recorder.snapshot()
        emit(LatencyTable(rows: [("StasisStart → offer frame", result.samples)]).render())
        emit("offers expected \(result.placed), received \(result.offers), lost \(result.placed - result.offers); re-offers/unknown \(result.duplicates)/\(result.unknown); calls not placed \(failed)")
        emit(recorder.slowSeconds())
        emit("other frames at agents: \(result.otherFrames) (state, connected, call-ended, wrap-up), welcomes \(recorder.welcomes)")
        emit("load driver (simulator + \(load.agents) clients): CPU \(NumberFormat.fixed(cpuSeconds, 1)) s over \(NumberFormat.fixed(wallSeconds, 1)) s = \(NumberFormat.fixed(100 * cpuSeconds / wallSeconds, 0)) % of one core; RSS \(NumberFormat.fixed(rssBefore, 1)) → \(NumberFormat.fixed(ProcessStats.residentMegabytes(), 1)) MB")
        requests.add(simulator.requestLog.all)
        emit(requests.summary(calls: placed))
        emit("@done")
        // The parent closes our input once the service has shut down.
        while await input.next() != nil {}
    }

    /// One line to the parent, unbuffered (standard output is a pipe).
    private func emit(_ line: String) { LineStream.write(line, to: .standardOutput) }

    /// Poisson arrivals at `rate` for `seconds`; returns the calls placed and those the simulator refused.
    private func placeCalls(simulator: ARISimulator, recorder: CTILoadRecorder, requests: RequestTally) async throws -> (placed: Int, failed: Int) {
        var generator = BenchmarkRandom(seed: load.seed)
        let clock = ContinuousClock()
        let start = clock.now
        let end = start + .seconds(load.seconds)
        var next = start
        var placed = 0
        var failed = 0
        var lastSecond = start
        while true {
            let gap = -log(1 - generator.unit()) / load.rate
            next = next + .nanoseconds(Int64(gap * 1e9))
            guard next < end else { break }
            try await clock.sleep(until: next)
            let caller = DemoSite.callers[Int(generator.next() % UInt64(DemoSite.callers.count))]
            let channel = "load-\(placed)"
            do {
                try simulator.injectInboundCall(
                    application: "ctibridge", exten: CTILoadSite.dnis, callerName: caller.name, callerNumber: caller.number, channelID: channel)
                recorder.emitted(channel, at: LatencySamples.now())
                placed += 1
            } catch {
                failed += 1
            }
            if clock.now - lastSecond >= .seconds(1) {
                lastSecond = clock.now
                let elapsed = Int((clock.now - start).components.seconds)
                if elapsed > 0, elapsed % 10 == 0 { emit("  at \(elapsed) s: \(placed) placed, \(recorder.offers) offered") }
                // The simulator's request log is a test aid that would grow without bound here.
                requests.add(simulator.requestLog.all)
                simulator.requestLog.clear()
            }
        }
        return (placed, failed)
    }

    /// One agent's socket: times offer frames by call id, hangs the caller up after its talk time
    /// once the call is connected, and counts the rest.
    static func agentSocket(url: String, recorder: CTILoadRecorder, hangUps: CTILoadHangUps) async throws {
        var logger = Logger(label: "bench.ws")
        logger.logLevel = .critical
        try await WebSocketClient.connect(url: url, logger: logger) { inbound, _, _ in
            for try await message in inbound.messages(maxSize: 1 << 16) {
                let now = LatencySamples.now()
                guard case .text(let text) = message else { continue }
                if text.contains(#""type":"offer""#) {
                    recorder.offerArrived(callID(in: text) ?? "", at: now)
                } else if text.contains(#""type":"connected""#), let call = callID(in: text) {
                    hangUps.afterTalk(call)
                    recorder.otherFrame()
                } else if text.contains(#""type":"welcome""#) {
                    recorder.welcomed()
                } else {
                    recorder.otherFrame()
                }
            }
        }
    }

    /// The pop's call id (`"callID":"…"`), without decoding the whole frame.
    static func callID(in text: String) -> String? {
        guard let range = text.range(of: #""callID":""#) else { return nil }
        let rest = text[range.upperBound...]
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<close])
    }
}

/// Hangs callers up a random talk time after their call is connected (the caller's channel id is
/// the call id).
final class CTILoadHangUps: Sendable {
    private let simulator: ARISimulator
    private let talk: ClosedRange<Double>
    private let random: Mutex<BenchmarkRandom>

    init(simulator: ARISimulator, talk: ClosedRange<Double>, seed: UInt64) {
        self.simulator = simulator
        self.talk = talk
        random = Mutex(BenchmarkRandom(seed: seed ^ 0x7A1C))
    }

    func afterTalk(_ channel: String) {
        let seconds = random.withLock { talk.lowerBound + $0.unit() * (talk.upperBound - talk.lowerBound) }
        let simulator = simulator
        Task {
            try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            try? simulator.hangUp(channelID: channel)
        }
    }
}
