import ArgumentParser
import CTICore
import Foundation

/// `ctibridge erlang`: Erlang C staffing for one interval.
struct ErlangCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erlang",
        abstract: "Agents needed for a service-level target (Erlang C).",
        discussion: "Example: ctibridge erlang --calls 100 --interval 30m --aht 180s --target 80/20")

    @Option(help: "Calls arriving in the interval.")
    var calls: Double

    @Option(help: "Interval length, e.g. 15m, 30m, 1h.", transform: ErlangCommand.duration)
    var interval: Double = 1800

    @Option(help: "Average handle time, e.g. 180s or 3m.", transform: ErlangCommand.duration)
    var aht: Double

    @Option(help: "Service-level target PERCENT/SECONDS, e.g. 80/20.", transform: ErlangCommand.target)
    var target: ServiceTarget = ServiceTarget(fraction: 0.8, thresholdSeconds: 20)

    @Option(help: "Shrinkage in percent (breaks, training, absence) for the scheduled head count.")
    var shrinkage: Double = 0

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        guard calls >= 0 else { throw ValidationError("--calls must be zero or more") }
        guard shrinkage >= 0, shrinkage < 100 else { throw ValidationError("--shrinkage must be from 0 up to (not including) 100") }
    }

    func run() throws {
        do {
            let model = try ErlangC(calls: calls, intervalSeconds: interval, averageHandleTime: aht)
            let required = try model.requiredAgents(target: target.fraction, threshold: target.thresholdSeconds)
            let scheduled = try ErlangC.scheduled(agents: required.agents, shrinkage: shrinkage / 100)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                let report = Report(trafficErlangs: model.traffic, target: target, required: required, scheduled: scheduled)
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
                return
            }
            print(String(format: "Traffic: %.2f Erlangs (%g calls in %gs, AHT %gs), target %@", model.traffic, calls, interval, aht, target.description))
            print("Required agents: \(required.agents)" + (shrinkage > 0 ? ", scheduled with \(shrinkage)% shrinkage: \(scheduled)" : ""))
            print(String(format: "Expected service level: %.2f%%, ASA: %.1fs, occupancy: %.1f%%", required.serviceLevel * 100, required.averageSpeedOfAnswer, required.occupancy * 100))
            print("\n agents   P(wait)   SL       ASA(s)   occupancy")
            let first = max(Int(model.traffic.rounded(.down)) + 1, required.agents - 3)
            for agents in first...(required.agents + 2) {
                let row = try model.staffing(agents: agents, threshold: target.thresholdSeconds)
                print(String(format: " %5d    %.4f    %.4f   %7.1f   %.4f%@", agents, row.probabilityOfWaiting, row.serviceLevel, row.averageSpeedOfAnswer, row.occupancy, agents == required.agents ? "  <- required" : ""))
            }
        } catch {
            throw ValidationError("\(error)")
        }
    }

    private struct Report: Encodable {
        var trafficErlangs: Double
        var target: ServiceTarget
        var required: Staffing
        var scheduled: Int
    }

    static func duration(_ text: String) throws -> Double {
        guard let seconds = DurationText.seconds(text), seconds > 0 else {
            throw ValidationError("'\(text)' is not a positive duration (examples: 90s, 30m, 1h)")
        }
        return seconds
    }

    static func target(_ text: String) throws -> ServiceTarget {
        guard let target = ServiceTarget(parsing: text) else {
            throw ValidationError("'\(text)' is not a target like 80/20 (percent/seconds)")
        }
        return target
    }
}
