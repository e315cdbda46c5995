import Synchronization

/// When the simulator emitted each caller's `StasisStart`, and which offer pops reached the agents'
/// sockets; shared by the call generator and every agent socket.
final class CTILoadRecorder: Sendable {
    private struct State {
        /// Emission time (monotonic ns) by caller channel id, until its offer arrives.
        var emitted: [String: UInt64] = [:]
        var placed = 0
        var offers = 0
        var duplicates = 0
        var unknown = 0
        var otherFrames = 0
        var welcomes = 0
        var samples: LatencySamples
        /// When the first caller was emitted, and per second since then the offers slower than 20 ms and the slowest.
        var firstEmitted: UInt64?
        var slowBySecond: [Int: (count: Int, worst: UInt64)] = [:]
    }

    private let state: Mutex<State>

    init(expected: Int) {
        state = Mutex(State(samples: LatencySamples(capacity: expected)))
    }

    /// The simulator has emitted `StasisStart` for `channel` at `time`.
    func emitted(_ channel: String, at time: UInt64) {
        state.withLock {
            $0.emitted[channel] = time
            $0.placed += 1
            if $0.firstEmitted == nil { $0.firstEmitted = time }
        }
    }

    /// An offer pop for `call` (the caller's channel id) arrived at an agent's socket at `time`.
    func offerArrived(_ call: String, at time: UInt64) {
        state.withLock { state in
            guard let sent = state.emitted.removeValue(forKey: call) else {
                // Offered a second time (a re-offer), or a call this run did not place.
                if call.isEmpty { state.unknown += 1 } else { state.duplicates += 1 }
                return
            }
            state.offers += 1
            let latency = time &- sent
            state.samples.append(latency)
            if latency > 20_000_000, let first = state.firstEmitted {
                let second = Int((sent &- first) / 1_000_000_000)
                let slow = state.slowBySecond[second] ?? (0, 0)
                state.slowBySecond[second] = (slow.count + 1, max(slow.worst, latency))
            }
        }
    }

    /// Any other frame (connected, call-ended, wrap-up, state changes).
    func otherFrame() { state.withLock { $0.otherFrames += 1 } }

    /// A socket's welcome frame: it is connected and authenticated.
    func welcomed() { state.withLock { $0.welcomes += 1 } }

    var welcomes: Int { state.withLock { $0.welcomes } }

    var placed: Int { state.withLock { $0.placed } }
    var offers: Int { state.withLock { $0.offers } }

    /// Seconds of the run (by emission) with offers slower than 20 ms: `12 s: 5 (max 230 ms)`, worst 12 seconds.
    func slowSeconds() -> String {
        let slow = state.withLock { $0.slowBySecond }
        let worst = slow.sorted { $0.value.worst > $1.value.worst }.prefix(12).sorted { $0.key < $1.key }
        let listed = worst.map { "\($0.key) s: \($0.value.count) (max \($0.value.worst / 1_000_000) ms)" }
        return "seconds with offers over 20 ms: \(slow.count); worst: \(listed.joined(separator: ", "))"
    }

    /// Everything recorded so far.
    func snapshot() -> (placed: Int, offers: Int, duplicates: Int, unknown: Int, otherFrames: Int, samples: LatencySamples) {
        state.withLock { ($0.placed, $0.offers, $0.duplicates, $0.unknown, $0.otherFrames, $0.samples) }
    }
}
