import ArgumentParser
import Foundation
import Logging

/// The call load of `cti-load`, shared by the service side and the load driver it starts.
struct CTILoadOptions: ParsableArguments {
    @Option(help: "Agents (each with one WebSocket).")
    var agents = 2_000

    @Option(help: "Average call arrivals per second.")
    var rate: Double = 100

    @Option(help: "Seconds of arrivals.")
    var seconds = 60

    @Option(help: "Shortest talk time in seconds.")
    var talkMin: Double = 3

    @Option(help: "Longest talk time in seconds.")
    var talkMax: Double = 6

    @Option(help: "Wrap-up seconds after each call.")
    var wrapUp: Double = 1

    @Option(help: "Milliseconds an agent's phone rings before it answers.")
    var answerDelay = 500

    @Option(help: "Seed for arrivals, callers and talk times.")
    var seed: UInt64 = 2026

    func validate() throws {
        guard agents > 0, rate > 0, seconds > 0 else { throw ValidationError("--agents, --rate and --seconds must be positive") }
        guard talkMin > 0, talkMax >= talkMin, wrapUp >= 0, answerDelay >= 0 else {
            throw ValidationError("talk times must be positive (min ≤ max), wrap-up and answer delay not negative")
        }
        let busy = rate * (Double(answerDelay) / 1000 + talkMax + wrapUp)
        guard busy < Double(agents) * 0.9 else {
            throw ValidationError("\(agents) agents cannot take \(rate) calls/s with these times (about \(Int(busy)) busy at once)")
        }
    }

    /// The same options as command-line arguments, for the driver process.
    var arguments: [String] {
        [
            "--agents", String(agents), "--rate", String(rate), "--seconds", String(seconds), "--talk-min", String(talkMin),
            "--talk-max", String(talkMax), "--wrap-up", String(wrapUp), "--answer-delay", String(answerDelay), "--seed", String(seed),
        ]
    }

    /// A logger at the level `BENCH_LOG` names (error when unset).
    func logger(label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = ProcessInfo.processInfo.environment["BENCH_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .error
        return logger
    }
}
