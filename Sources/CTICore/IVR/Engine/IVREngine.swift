import Foundation

/// The IVR state machine for one call: state + event + time → decisions. No I/O.
///
/// Create one per call from the flow version the call starts on, feed it every event for the
/// call with the current time, and carry out the decisions in order. Later versions of the
/// flow do not affect it.
public struct IVREngine: Sendable {
    /// The flow this call runs.
    public let flow: ValidatedFlow
    /// The flow version this call runs.
    public let version: Int
    /// The caller's route so far.
    public internal(set) var path: IVRPath
    /// How the call left the IVR; nil while it is still in it.
    public internal(set) var outcome: IVROutcome?

    var started = false
    /// Position of the current node in `flow.flow.nodes`; -1 before the first.
    var current = -1
    var phase = Phase.idle
    /// The playback in progress, if any.
    var playback: IVRPlaybackID?
    /// Digits pressed ahead of the node that will read them.
    var buffer: [DTMFDigit] = []
    /// Digits of the entry in progress at a collect node.
    var entry: [DTMFDigit] = []
    /// Failed attempts at the current node (or survey question).
    var failures = 0
    /// Survey: the question being asked and the scores so far.
    var question = 0
    var scores: [Int?] = []
    var lookup: IVRLookupID?
    var recording: String?
    var timers = TimerSlots()
    var sequence: UInt32 = 0

    enum Phase { case idle, prompting, input, lookingUp, recording, ended }

    /// What a handler wants next: stay at the node, or go to a node id.
    enum Step {
        case stay
        case go(String)
    }

    /// Node changes allowed in one event before the engine calls the flow a runaway loop.
    static let maxHops = 256
    /// Type-ahead digits kept at most.
    static let maxBuffered = 32

    /// A call at the start of `flow` (version `version`); nothing happens before `.callStarted`.
    public init(flow: ValidatedFlow, version: Int = 1) {
        self.flow = flow
        self.version = version
        self.path = IVRPath(flowID: flow.id, flowVersion: version, language: flow.flow.settings.language)
        path.steps.reserveCapacity(32)
        buffer.reserveCapacity(Self.maxBuffered)
        entry.reserveCapacity(16)
    }

    /// Whether the call has left the IVR.
    public var isFinished: Bool { outcome != nil }

    /// The node the call is at, if it started.
    public var currentNodeID: String? { current >= 0 ? flow.flow.nodes[current].id : nil }

    /// The decisions for `event` at `now`.
    public mutating func handle(_ event: IVREvent, at now: Date) -> [IVRDecision] {
        var out: [IVRDecision] = []
        handle(event, at: now, into: &out)
        return out
    }

    /// Appends the decisions for `event` at `now` to `out`; pass a reused array to avoid allocating.
    public mutating func handle(_ event: IVREvent, at now: Date, into out: inout [IVRDecision]) {
        guard outcome == nil else { return }
        guard started else {
            if case .callStarted(let call) = event { start(call, at: now, into: &out) }
            return
        }
        let step: Step
        switch event {
        case .callStarted:
            return
        case .hangUp:
            callerHungUp(at: now, into: &out)
            return
        case .playbackStarted(let id):
            if id == playback { cancelTimer(.playbackStart, into: &out) }
            return
        case .playbackFinished(let id):
            guard id == playback else { return }
            step = promptEnded(at: now, into: &out)
        case .playbackFailed(let id):
            guard id == playback else { return }
            note(.playbackFailed, at: now)
            step = promptEnded(at: now, into: &out)
        case .digit(let digit):
            step = received(digit, at: now, into: &out)
        case .timerFired(let id):
            guard let kind = timers.kind(of: id) else { return }
            timers[kind] = nil
            step = timerFired(kind, at: now, into: &out)
        case .lookupResult(let id, let result):
            guard phase == .lookingUp, id == lookup else { return }
            step = lookedUp(result, at: now, into: &out)
        case .recordingFinished(let name, let duration):
            guard phase == .recording, name == recording else { return }
            step = recorded(name: name, duration: duration, at: now, into: &out)
        case .recordingFailed(let name):
            guard phase == .recording, name == recording else { return }
            step = recordingFailed(at: now, into: &out)
        }
        follow(step, at: now, into: &out)
    }

    private mutating func start(_ call: IVRCallInfo, at now: Date, into out: inout [IVRDecision]) {
        started = true
        path.call = call
        out.append(.answer)
        follow(.go(flow.flow.start), at: now, into: &out)
    }

    /// Enters nodes until one waits.
    mutating func follow(_ step: Step, at now: Date, into out: inout [IVRDecision]) {
        var step = step
        var hops = 0
        while case .go(let target) = step, outcome == nil {
            hops += 1
            guard hops <= Self.maxHops, let index = flow.index[target] else {
                abort("flow kept moving without waiting (loop through '\(target)')", at: now, into: &out)
                return
            }
            step = enter(index, at: now, into: &out)
        }
    }

    /// Appends a step at the current node to the path.
    mutating func note(_ event: IVRPath.Event, at now: Date) {
        path.steps.append(IVRPath.Step(nodeID: currentNodeID ?? "", at: now, event: event))
    }

    /// Allocates the next id number for this call.
    mutating func nextSequence() -> UInt32 {
        sequence &+= 1
        return sequence
    }
}
