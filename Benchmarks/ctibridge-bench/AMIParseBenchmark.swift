import ArgumentParser
import Foundation

/// `ctibridge-bench ami-parse`: AMI parser throughput on one core, ours beside panoramisk's.
struct AMIParseBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ami-parse",
        abstract: "Parse a large realistic AMI stream with AMIFrameDecoder and with panoramisk.",
        discussion: """
            The stream repeats the events of a real Asterisk 22 capture with fresh Uniqueid, \
            Linkedid and Timestamp values. Both parsers get the same bytes in the same chunks.
            """)

    @Option(help: "Events in the stream.")
    var events = 1_000_000

    @Option(help: "Bytes per chunk handed to the parser (one socket read).")
    var chunkSize = 16 * 1024

    @Option(help: "Timed runs of our decoder after one warm-up run; the best counts.")
    var runs = 5

    @Option(help: "Timed runs of panoramisk; the best counts (0 skips it).")
    var peerRuns = 3

    @Option(help: "cpu: the parsing thread's CPU time (steady on a shared machine); wall: elapsed time.")
    var clock: Stopwatch = .cpu

    @Option(help: "The AMI capture whose events are repeated.")
    var capture: String = BenchmarkPaths.capture

    @Option(help: "Python interpreter with Debian's python3-panoramisk.")
    var python = "/usr/bin/python3"

    @Option(help: "Also write the generated stream to this file, to look at it.")
    var saveStream: String?

    func validate() throws {
        guard events > 0, chunkSize > 0, runs > 0, peerRuns >= 0 else {
            throw ValidationError("--events, --chunk-size and --runs must be positive, --peer-runs zero or more")
        }
    }

    func run() throws {
        let captureBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: capture)))
        let stream = try AMIStream(capture: captureBytes, events: events)
        let chunks = DecoderRun.chunks(of: stream.bytes, chunkSize: chunkSize)
        if let saveStream { try Data(stream.bytes).write(to: URL(fileURLWithPath: saveStream)) }
        print("AMI stream: \(stream.events) events, \(stream.bytes.count) bytes, from \(capture)")
        if let load = LoadAverage.line() { print(load) }
        print("Chunks of \(chunkSize) bytes; ours: best of \(runs) after a warm-up; panoramisk: best of \(peerRuns); \(clock) time")

        var best = Double.infinity
        var outcome = try DecoderRun.parse(chunks)  // warm-up
        for _ in 0..<runs {
            var pass = DecoderRun.Outcome()
            best = min(best, try clock.seconds { pass = try DecoderRun.parse(chunks) })
            outcome = pass
        }
        guard outcome.events == stream.events, outcome.malformed == 0, outcome.nameBytes > 0 else {
            throw ValidationError("decoder saw \(outcome.events) events and \(outcome.malformed) malformed frames; expected \(stream.events)")
        }
        let ours = ResultTable.Row(parser: "ctibridge AMIFrameDecoder", events: outcome.events, bytes: stream.bytes.count, seconds: best)

        var peer: ResultTable.Row?
        if peerRuns > 0 {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("ctibridge-ami-\(UUID().uuidString).raw")
            try Data(stream.bytes).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            do {
                let report = try PanoramiskPeer(python: python, script: BenchmarkPaths.panoramiskDriver)
                    .measure(file: file.path, chunkSize: chunkSize, runs: peerRuns, clock: clock.rawValue)
                if report.events != stream.events {
                    print("warning: panoramisk counted \(report.events) events, expected \(stream.events)")
                }
                peer = ResultTable.Row(parser: report.parser, events: report.events, bytes: report.bytes, seconds: report.seconds)
            } catch {
                print("panoramisk not measured: \(error)")
            }
        }

        print("")
        print(ResultTable(rows: [ours] + (peer.map { [$0] } ?? []), baseline: peer).render())
        print("")
        let perCore = ours.eventsPerSecond >= 1_000_000 ? "met" : "NOT met"
        print("target >= 1,000,000 events/s per core: \(perCore)")
        if let peer {
            let ratio = ours.eventsPerSecond / peer.eventsPerSecond
            print("target >= 20x panoramisk: \(ratio >= 20 ? "met" : "NOT met")")
        }
    }
}

extension Stopwatch: ExpressibleByArgument {}
