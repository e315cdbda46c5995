import CTICore
import Foundation
import TestSupport

/// A discrete-event simulation around an engine: Poisson arrivals, exponential handle times,
/// agents who answer every offer at once and never pause. Patience is infinite.
struct CallCentreSimulation: Sendable {
    /// One stream of callers.
    struct Stream: Sendable {
        var queue: QueueID
        var callsPerSecond: Double
        var skills: [SkillRequirement] = []
    }

    var engine: ACDEngine
    var generator: SeededGenerator
    let streams: [Stream]
    let averageHandleTime: Double
    /// Keep every decision with its instant (memory).
    var keepLog: Bool
    private(set) var decisions: [(at: Double, decision: ACDDecision)] = []
    private(set) var arrivals = 0
    private var ends: [(at: Double, call: CallID)] = []

    init(engine: ACDEngine, streams: [Stream], averageHandleTime: Double, seed: UInt64, keepLog: Bool = false) {
        self.engine = engine
        self.streams = streams
        self.averageHandleTime = averageHandleTime
        generator = SeededGenerator(seed: seed)
        self.keepLog = keepLog
    }

    /// An exponential variate with this mean.
    mutating func exponential(mean: Double) -> Double {
        -mean * log(1 - Double.random(in: 0..<1, using: &generator))
    }

    /// Runs until `calls` callers have arrived and every call has ended, on a thread of its own: a
    /// run of minutes in a debug build must not hold one of the few cooperative threads that the
    /// network tests running beside it need.
    mutating func run(calls: Int) async throws {
        self = try await inBackground { [self] in
            var simulation = self
            try simulation.runHere(calls: calls)
            return simulation
        }
    }

    private mutating func runHere(calls: Int) throws {
        var nextArrival = streams.map { exponential(mean: 1 / $0.callsPerSecond) }
        while arrivals < calls || !ends.isEmpty {
            var stream = 0
            for index in nextArrival.indices where nextArrival[index] < nextArrival[stream] { stream = index }
            let arrivalTime = arrivals < calls ? nextArrival[stream] : .infinity
            var endIndex: Int?
            var endTime = Double.infinity
            for index in ends.indices where ends[index].at < endTime {
                endIndex = index
                endTime = ends[index].at
            }
            let timerTime = engine.nextTimer?.seconds ?? .infinity
            if timerTime <= arrivalTime && timerTime <= endTime {
                try apply(.tick, at: timerTime)
            } else if arrivalTime <= endTime {
                let id = CallID("c\(arrivals)")
                arrivals += 1
                nextArrival[stream] += exponential(mean: 1 / streams[stream].callsPerSecond)
                try apply(.callArrived(CallArrival(id: id, queue: streams[stream].queue, skills: streams[stream].skills)), at: arrivalTime)
            } else if let endIndex {
                let end = ends.remove(at: endIndex)
                try apply(.callEnded(end.call), at: end.at)
            }
        }
    }

    private mutating func apply(_ event: ACDEvent, at time: Double) throws {
        for decision in try engine.handle(event, at: ACDInstant(seconds: time)) {
            if keepLog { decisions.append((time, decision)) }
            if case .offer(let offer) = decision, let agent = offer.agents.first {
                try apply(.offerAnswered(offer.call, agent: agent), at: time)
                ends.append((time + exponential(mean: averageHandleTime), offer.call))
            }
        }
    }
}
