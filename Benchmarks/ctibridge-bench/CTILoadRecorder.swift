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
            state.samples.append(time &- sent)
        }
    }

    /// Any other frame (connected, call-ended, wrap-up, state changes).
    func otherFrame() { state.withLock { $0.otherFrames += 1 } }

    /// A socket's welcome frame: it is connected and authenticated.
    func welcomed() { state.withLock { $0.welcomes += 1 } }

    var welcomes: Int { state.withLock { $0.welcomes } }

    var placed: Int { state.withLock { $0.placed } }
    var offers: Int { state.withLock { $0.offers } }

    /// Everything recorded so far.
    func snapshot() -> (placed: Int, offers: Int, duplicates: Int, unknown: Int, otherFrames: Int, samples: LatencySamples) {
        state.withLock { ($0.placed, $0.offers, $0.duplicates, $0.unknown, $0.otherFrames, $0.samples) }
    }
}
