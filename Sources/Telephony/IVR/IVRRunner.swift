import ARI
import CTICore
import Foundation
import Logging
import Synchronization

/// Runs IVR flows on calls in Stasis: ARI events in, ``IVREngine`` decisions out as ARI requests.
///
/// A `StasisStart` whose first argument is ``IVRRunnerConfiguration/entryArgument`` picks a flow
/// by DNIS (the second argument, else the dialplan extension) and starts a call on the flow's
/// live version; the call keeps that version to the end. Each call runs in a task of its own, so
/// its requests go out in order while calls never wait on each other. Digit timers run on
/// `clock`; the engine reads wall time from `now` (time conditions). Hang-ups cancel the call's
/// timers at once and nothing more is sent for it. Queue calls leave for ``IVRQueueHandoff``.
public final class IVRRunner<C: Clock>: Sendable where C.Duration == Duration {
    public let rest: ARIRESTClient
    public let catalog: IVRFlowCatalog
    public let configuration: IVRRunnerConfiguration
    let lookup: any IVRCustomerLookup
    let handoff: any IVRQueueHandoff
    let sink: any IVROutcomeSink
    let clock: C
    let now: @Sendable () -> Date
    let logger: Logger
    let observers = EventFanOut<IVRRunnerEvent>()
    private let routes: Mutex<IVRDNISRoutes>
    let calls = Mutex(Calls())

    struct Calls {
        var sessions: [String: IVRCallSession] = [:]
        /// Channels handed to the ACD (left alone by resyncs) until they leave Stasis.
        var handedOff: Set<String> = []
        /// Recordings of calls that ended while recording: ARI name → message to store when it finishes.
        var pendingMessages: [String: IVRMessage] = [:]
    }

    /// A runner sending requests through `rest`.
    public init(
        rest: ARIRESTClient, catalog: IVRFlowCatalog, routes: IVRDNISRoutes, lookup: any IVRCustomerLookup,
        handoff: any IVRQueueHandoff, sink: any IVROutcomeSink, configuration: IVRRunnerConfiguration = IVRRunnerConfiguration(),
        clock: C, now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "ctibridge.ivr")
    ) {
        self.rest = rest
        self.catalog = catalog
        self.routes = Mutex(routes)
        self.lookup = lookup
        self.handoff = handoff
        self.sink = sink
        self.configuration = configuration
        self.clock = clock
        self.now = now
        self.logger = logger
    }

    /// A stream of what the runner does; holds at most `capacity` unread events.
    public func subscribe(capacity: Int = 1_000) -> BoundedEventStream<IVRRunnerEvent> {
        observers.subscribe(capacity: capacity)
    }

    /// Replaces the DNIS routes; calls in progress keep their flow.
    public func updateRoutes(_ routes: IVRDNISRoutes) { self.routes.withLock { $0 = routes } }

    /// Channels in the IVR now.
    public var activeChannels: [String] { calls.withLock { $0.sessions.keys.sorted() } }

    /// Digit, playback and lookup timers running now over all calls.
    public var activeTimerCount: Int {
        calls.withLock { Array($0.sessions.values) }.reduce(0) { $0 + $1.timerCount }
    }

    /// Handles every event of `events` until it ends (an ``ARIEventsClient`` subscription).
    public func run<S: AsyncSequence & Sendable>(events: S) async where S.Element == ARIClientEvent, S.Failure == Never {
        for await event in events { handle(event) }
    }

    /// Handles one client event; never blocks on ARI.
    public func handle(_ clientEvent: ARIClientEvent) {
        switch clientEvent {
        case .event(let event):
            handle(event)
        case .malformed(let error, _):
            publish(.ignored(channelID: nil, reason: "malformed event: \(error.message)"))
        case .resynced(let snapshot):
            resync(snapshot)
        case .connected, .disconnected, .eventsDropped:
            break
        }
    }

    /// The ARI event types ``handle(_:)`` acts on; the others may be filtered out at Asterisk.
    public static var eventTypes: Set<String> {
        [
            "StasisStart", "StasisEnd", "ChannelDtmfReceived", "ChannelHangupRequest", "ChannelDestroyed", "PlaybackStarted",
            "PlaybackFinished", "RecordingFinished", "RecordingFailed",
        ]
    }

    /// Handles one ARI event.
    public func handle(_ event: ARIEvent) {
        switch event.payload {
        case .stasisStart(let start):
            stasisStart(start)
        case .channelDtmfReceived(let dtmf):
            guard let session = callSession(dtmf.channel.id) else { return }
            guard let digit = DTMFDigit(dtmf.digit) else {
                publish(.ignored(channelID: dtmf.channel.id, reason: "not a DTMF key: '\(dtmf.digit)'"))
                return
            }
            session.send(.event(.digit(digit)))
        case .playbackStarted(let started):
            guard let found = playback(started.playback, remove: false) else { return }
            found.session.send(.event(.playbackStarted(found.id)))
        case .playbackFinished(let finished):
            guard let found = playback(finished.playback, remove: true) else { return }
            found.session.send(.event(finished.playback.failed ? .playbackFailed(found.id) : .playbackFinished(found.id)))
        case .recordingFinished(let recorded):
            recordingEnded(recorded.recording, failed: false)
        case .recordingFailed(let recorded):
            recordingEnded(recorded.recording, failed: true)
        case .channelHangupRequest(let request):
            channelGone(request.channel.id, left: false)
        case .stasisEnd(let end):
            channelGone(end.channel.id, left: true)
        case .channelDestroyed(let destroyed):
            channelGone(destroyed.channel.id, left: true)
        case .unknown:
            publish(.ignored(channelID: nil, reason: "unknown event type \(event.type)"))
        default:
            break
        }
    }

    // MARK: Calls

    private func stasisStart(_ start: ARIStasisStart) {
        let channel = start.channel
        guard start.args.first == configuration.entryArgument else { return }
        let dnis = start.args.count > 1 && !start.args[1].isEmpty ? start.args[1] : channel.dialplan.exten
        let call = IVRCallInfo(
            channelID: channel.id, callerID: channel.caller.number, callerName: channel.caller.name.isEmpty ? nil : channel.caller.name,
            dnis: dnis)
        startCall(call)
    }

    /// Starts `call` on the live flow for its DNIS, or sends it to the fallback.
    func startCall(_ call: IVRCallInfo) {
        let flowID = routes.withLock { $0.flowID(forDNIS: call.dnis) }
        guard let flowID, let published = catalog.live(flowID) else {
            publish(.callUnrouted(channelID: call.channelID, dnis: call.dnis))
            Task { await self.sendToFallback(call.channelID) }
            return
        }
        let session = IVRCallSession(call: call, flowID: published.flowID)
        let isNew = calls.withLock { calls -> Bool in
            guard calls.sessions[call.channelID] == nil else { return false }
            calls.sessions[call.channelID] = session
            return true
        }
        guard isNew else { return }
        publish(.callStarted(channelID: call.channelID, flowID: published.flowID, version: published.version, dnis: call.dnis))
        session.send(.event(.callStarted(call)))
        let engine = published.startCall()
        Task { await self.runCall(session, engine: engine) }
    }

    /// The caller hung up (`left: false`, still in Stasis) or the channel left Stasis or is gone.
    private func channelGone(_ channelID: String, left: Bool) {
        let session = calls.withLock { calls -> IVRCallSession? in
            if left {
                calls.handedOff.remove(channelID)
                return calls.sessions.removeValue(forKey: channelID)
            }
            return calls.sessions[channelID]
        }
        session?.markGone()
    }

    func callSession(_ channelID: String) -> IVRCallSession? {
        calls.withLock { $0.sessions[channelID] }
    }

    private func playback(_ playback: ARIPlayback, remove: Bool) -> (session: IVRCallSession, id: IVRPlaybackID)? {
        guard playback.targetURI.hasPrefix("channel:") else { return nil }
        guard let session = callSession(String(playback.targetURI.dropFirst("channel:".count))),
            let id = session.playback(playback.id, remove: remove)
        else { return nil }
        return (session, id)
    }

    private func recordingEnded(_ recording: ARILiveRecording, failed: Bool) {
        guard recording.targetURI.hasPrefix("channel:") else { return }
        let channelID = String(recording.targetURI.dropFirst("channel:".count))
        let duration = recording.duration.map(Double.init)
        let route = calls.withLock { calls -> IVRRecordingRoute in
            if let session = calls.sessions[channelID], let entry = session.recording(recording.name, remove: true) {
                guard session.isGone else { return .engine(session, entry.name) }
                return .store(session.message(recording.name, mailbox: entry.mailbox, durationSeconds: duration, at: now()))
            }
            guard var pending = calls.pendingMessages.removeValue(forKey: recording.name) else { return .none }
            pending = IVRMessage(
                mailbox: pending.mailbox, recordingName: pending.recordingName, durationSeconds: duration, callerID: pending.callerID,
                recordedAt: pending.recordedAt, flowID: pending.flowID)
            return .store(pending)
        }
        switch route {
        case .engine(let session, let name):
            session.send(.event(failed ? .recordingFailed(name: name) : .recordingFinished(name: name, durationSeconds: duration)))
        case .store(let message):
            // The caller hung up to end the message: it still counts, unless Asterisk lost it.
            guard !failed else { return }
            Task { await self.sink.messageRecorded(message) }
        case .none:
            return
        }
    }

    /// The call's task ended: forget the call.
    func callLeft(_ session: IVRCallSession, outcome: IVROutcome) {
        let recordedAt = now()
        calls.withLock { calls in
            if calls.sessions[session.channelID] === session { calls.sessions[session.channelID] = nil }
            if case .enqueued = outcome { calls.handedOff.insert(session.channelID) }
            if case .callerHungUp = outcome {
                for (ariName, entry) in session.takeRecordings() {
                    calls.pendingMessages[ariName] = session.message(ariName, mailbox: entry.mailbox, durationSeconds: nil, at: recordedAt)
                }
            }
        }
    }

    func publish(_ event: IVRRunnerEvent) {
        observers.publish(event)
    }

    /// Leaves Stasis for ``IVRRunnerConfiguration/fallback``.
    func sendToFallback(_ channelID: String) async {
        let target = configuration.fallback
        do {
            try await rest.continueInDialplan(channelID, context: target.context, extension: target.extension, priority: target.priority)
        } catch {
            publish(.requestFailed(channelID: channelID, request: "continue to fallback", error: error))
        }
    }
}

/// Where a finished recording goes: to the call's engine, or straight to storage when the caller hung up.
enum IVRRecordingRoute {
    case engine(IVRCallSession, String)
    case store(IVRMessage)
    case none
}
