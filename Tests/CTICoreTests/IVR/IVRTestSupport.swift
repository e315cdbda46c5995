import CTICore
import Foundation
import Testing

/// A moment given in ISO 8601 with an offset, e.g. `2026-11-23T10:00:00+07:00`.
func instant(_ text: String) -> Date {
    do {
        return try Date(text, strategy: .iso8601)
    } catch {
        Issue.record("bad test date \(text)")
        return Date(timeIntervalSince1970: 0)
    }
}

/// A flow decoded from JSON text and validated.
func validFlow(_ json: String) throws -> ValidatedFlow {
    try FlowValidator.validate(IVRFlow.decode(json: Data(json.utf8)))
}

/// The directory of sample flows shipped with the package.
let samplesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Samples/ivr")

/// A sample flow from `Samples/ivr`.
func sampleFlow(_ name: String) throws -> IVRFlow {
    try IVRFlow.decode(json: Data(contentsOf: samplesDirectory.appendingPathComponent(name)))
}

/// Drives one engine like the I/O layer would: keeps the clock, the running timers and the playback.
struct CallDriver {
    var engine: IVREngine
    var now: Date
    /// Every decision so far, in order.
    private(set) var log: [IVRDecision] = []
    /// Timers started and not yet cancelled or fired.
    private(set) var timers: [IVRTimerID: IVRTimer] = [:]
    /// The playback asked for last and not stopped or finished.
    private(set) var playing: IVRPlayback?
    /// Recording in progress.
    private(set) var recording: IVRRecordRequest?

    init(_ flow: ValidatedFlow, version: Int = 1, at now: Date = instant("2026-11-23T10:00:00+07:00")) {
        engine = IVREngine(flow: flow, version: version)
        self.now = now
    }

    init(engine: IVREngine, at now: Date) {
        self.engine = engine
        self.now = now
    }

    @discardableResult
    mutating func start(callerID: String = "+84987654321", dnis: String = "7000", channel: String = "chan-1") -> [IVRDecision] {
        send(.callStarted(IVRCallInfo(channelID: channel, callerID: callerID, callerName: nil, dnis: dnis)))
    }

    @discardableResult
    mutating func send(_ event: IVREvent) -> [IVRDecision] {
        let decisions = engine.handle(event, at: now)
        for decision in decisions {
            switch decision {
            case .play(let playback): playing = playback
            case .stopPlayback(let id) where playing?.id == id: playing = nil
            case .startTimer(let timer): timers[timer.id] = timer
            case .cancelTimer(let id):
                #expect(timers[id] != nil, "cancelled a timer that is not running")
                timers[id] = nil
            case .record(let request): recording = request
            default: break
            }
        }
        log += decisions
        return decisions
    }

    /// The current prompt starts and plays to its end.
    @discardableResult
    mutating func playPrompt() -> [IVRDecision] {
        guard let playback = playing else {
            Issue.record("no prompt is playing")
            return []
        }
        send(.playbackStarted(playback.id))
        now += 3
        playing = nil
        return send(.playbackFinished(playback.id))
    }

    /// Presses keys one by one, half a second apart; returns the decisions of all of them.
    @discardableResult
    mutating func press(_ keys: String) -> [IVRDecision] {
        var decisions: [IVRDecision] = []
        for key in keys {
            now += 0.5
            decisions += send(.digit(DTMFDigit(key)!))
        }
        return decisions
    }

    /// The running timer of `kind`, if any.
    func timer(_ kind: IVRTimer.Kind) -> IVRTimer? {
        timers.values.first { $0.kind == kind }
    }

    /// Lets the running timer of `kind` run out.
    @discardableResult
    mutating func fire(_ kind: IVRTimer.Kind) -> [IVRDecision] {
        guard let timer = timer(kind) else {
            Issue.record("no \(kind) timer is running")
            return []
        }
        timers[timer.id] = nil
        now += timer.duration.seconds
        return send(.timerFired(timer.id))
    }
}

extension IVRDecision {
    var playback: IVRPlayback? {
        if case .play(let playback) = self { playback } else { nil }
    }

    var startedTimer: IVRTimer? {
        if case .startTimer(let timer) = self { timer } else { nil }
    }

    var enqueueRequest: IVREnqueueRequest? {
        if case .enqueue(let request) = self { request } else { nil }
    }

    var lookupRequest: IVRLookupRequest? {
        if case .lookupCustomer(let request) = self { request } else { nil }
    }

    var isStopPlayback: Bool {
        if case .stopPlayback = self { true } else { false }
    }
}

extension Array where Element == IVRDecision {
    /// Media of every playback in these decisions.
    var media: [[String]] { compactMap(\.playback?.media) }

    var enqueue: IVREnqueueRequest? { lazy.compactMap(\.enqueueRequest).first }
}
