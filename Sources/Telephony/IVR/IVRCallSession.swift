import CTICore
import Foundation
import Synchronization

/// What a call's task reads, in order.
enum IVRSessionInput: Sendable {
    /// An event for the engine.
    case event(IVREvent)
    /// After an events reconnect: look again at what may have ended while the socket was down.
    case resync
}

/// One call in the IVR: its input queue and the ARI resources it has in flight.
///
/// The engine itself lives in the call's task; this object holds what the event dispatcher and
/// that task share. Once ``isGone`` is set no further ARI request is made for the call.
final class IVRCallSession: Sendable {
    let call: IVRCallInfo
    /// The flow the call runs.
    let flowID: String
    let inputs: AsyncStream<IVRSessionInput>
    private let continuation: AsyncStream<IVRSessionInput>.Continuation
    private let state = Mutex(State())

    struct State {
        /// The caller hung up or the channel left Stasis.
        var gone = false
        var timers: [IVRTimerID: Task<Void, Never>] = [:]
        var lookups: [Task<Void, Never>] = []
        /// ARI playback id → the engine's id, while the playback runs.
        var playbacks: [String: IVRPlaybackID] = [:]
        /// ARI recording name → the engine's name and mailbox, while recording.
        var recordings: [String: (name: String, mailbox: String)] = [:]
    }

    init(call: IVRCallInfo, flowID: String) {
        self.call = call
        self.flowID = flowID
        (inputs, continuation) = AsyncStream.makeStream(of: IVRSessionInput.self)
    }

    var channelID: String { call.channelID }

    /// Queues an input for the call's task.
    func send(_ input: IVRSessionInput) { continuation.yield(input) }

    /// The caller hung up (or the channel left): cancels timers and lookups, tells the engine, ends the queue.
    func markGone() {
        let tasks = state.withLock { state -> [Task<Void, Never>] in
            guard !state.gone else { return [] }
            state.gone = true
            defer {
                state.timers.removeAll()
                state.lookups.removeAll()
            }
            return Array(state.timers.values) + state.lookups
        }
        for task in tasks { task.cancel() }
        continuation.yield(.event(.hangUp))
        continuation.finish()
    }

    /// Ends the queue once the call left the IVR.
    func finish() {
        let tasks = state.withLock { state -> [Task<Void, Never>] in
            defer {
                state.timers.removeAll()
                state.lookups.removeAll()
            }
            return Array(state.timers.values) + state.lookups
        }
        for task in tasks { task.cancel() }
        continuation.finish()
    }

    var isGone: Bool { state.withLock { $0.gone } }

    /// Timers running now.
    var timerCount: Int { state.withLock { $0.timers.count } }

    func addTimer(_ id: IVRTimerID, _ task: Task<Void, Never>) {
        let refused = state.withLock { state -> Bool in
            guard !state.gone else { return true }
            state.timers[id] = task
            return false
        }
        if refused { task.cancel() }
    }

    func cancelTimer(_ id: IVRTimerID) {
        state.withLock { $0.timers.removeValue(forKey: id) }?.cancel()
    }

    /// A timer fired: forget it.
    func timerFired(_ id: IVRTimerID) {
        state.withLock { _ = $0.timers.removeValue(forKey: id) }
    }

    func addLookup(_ task: Task<Void, Never>) {
        let refused = state.withLock { state -> Bool in
            guard !state.gone else { return true }
            state.lookups.append(task)
            return false
        }
        if refused { task.cancel() }
    }

    func registerPlayback(_ ariID: String, _ id: IVRPlaybackID) { state.withLock { $0.playbacks[ariID] = id } }

    /// The engine's id for an ARI playback; `remove` once it finished.
    func playback(_ ariID: String, remove: Bool) -> IVRPlaybackID? {
        state.withLock { remove ? $0.playbacks.removeValue(forKey: ariID) : $0.playbacks[ariID] }
    }

    var activePlaybacks: [(String, IVRPlaybackID)] { state.withLock { $0.playbacks.map { ($0.key, $0.value) } } }

    func registerRecording(_ ariName: String, name: String, mailbox: String) {
        state.withLock { $0.recordings[ariName] = (name, mailbox) }
    }

    func recording(_ ariName: String, remove: Bool) -> (name: String, mailbox: String)? {
        state.withLock { remove ? $0.recordings.removeValue(forKey: ariName) : $0.recordings[ariName] }
    }

    /// Recordings running now: ARI name → the engine's name.
    var activeRecordings: [(String, String)] { state.withLock { $0.recordings.map { ($0.key, $0.value.name) } } }

    /// Takes every recording still running (ARI name → engine name and mailbox).
    func takeRecordings() -> [String: (name: String, mailbox: String)] {
        state.withLock { state in
            defer { state.recordings.removeAll() }
            return state.recordings
        }
    }

    /// The message a recording makes when the caller hung up to end it.
    func message(_ ariName: String, mailbox: String, durationSeconds: Double?, at now: Date) -> IVRMessage {
        IVRMessage(mailbox: mailbox, recordingName: ariName, durationSeconds: durationSeconds, callerID: call.callerID, recordedAt: now, flowID: flowID)
    }
}
