import CTICore
import Foundation

/// Drives many concurrent calls through one flow in the pure `IVREngine`: Asterisk's answers
/// (playback started/finished/failed, recordings), the CRM's, the timers the engine asks for, and
/// callers who press ahead, answer late, mistype or hang up. A call that leaves the IVR is
/// replaced by a new one, so the number of calls in progress stays the same.
struct IVRSimulation {
    enum Pending {
        case start(slot: Int)
        case event(slot: Int, call: Int, IVREvent)
        case playbackFinished(slot: Int, call: Int, IVRPlaybackID, failed: Bool)
        case timer(slot: Int, call: Int, IVRTimerID)
    }

    /// One line: the call on it and what the driver knows about that call.
    struct Slot {
        var engine: IVREngine
        /// Numbers the calls on this line, so events for an earlier call are dropped.
        var call = 0
        /// Seconds added to the simulated clock: some calls come in after hours.
        var offset = 0.0
        var playback: IVRPlaybackID?
        var cancelledTimers: Set<UInt32> = []
    }

    struct Tally {
        var steps = 0
        var calls = 0
        var outcomes: [String: Int] = [:]
    }

    let flow: PublishedFlow
    /// Monday 2026-11-23 10:00 in Asia/Ho_Chi_Minh (03:00 UTC): the flow's hours are open.
    static let origin = Date(timeIntervalSince1970: 1_795_402_800)
    private var random: BenchmarkRandom
    private var future = SimulatedEvents<Pending>()
    private var slots: [Slot] = []
    private var out: [IVRDecision] = []
    private var calls = 0
    private(set) var now = 0.0
    var samples: LatencySamples
    var tally = Tally()
    var measuring = false

    init(flow: PublishedFlow, concurrentCalls: Int, seed: UInt64, expectedSteps: Int) {
        self.flow = flow
        random = BenchmarkRandom(seed: seed ^ 0x1F)
        samples = LatencySamples(capacity: expectedSteps)
        out.reserveCapacity(16)
        slots = (0..<concurrentCalls).map { _ in Slot(engine: flow.startCall()) }
        for slot in slots.indices { future.schedule(.start(slot: slot), at: random.uniform(0, 5)) }
    }

    mutating func run(until done: (IVRSimulation) -> Bool) {
        while !done(self), let (time, pending) = future.popFirst() {
            now = max(now, time)
            step(pending)
        }
    }

    private mutating func step(_ pending: Pending) {
        switch pending {
        case .start(let slot):
            calls += 1
            slots[slot] = Slot(engine: flow.startCall(), call: calls, offset: random.chance(0.1) ? 10 * 3600 : 0)
            let number = "+84" + String(900_000_000 + random.int(0..<99_999_999))
            let info = IVRCallInfo(channelID: "ch-\(calls)", callerID: random.chance(0.05) ? "" : number, dnis: "7000")
            if random.chance(0.03) {
                future.schedule(.event(slot: slot, call: calls, .hangUp), at: now + random.exponential(mean: 40))
            }
            handle(.callStarted(info), slot: slot)
        case .event(let slot, let call, let event):
            guard slots[slot].call == call else { return }
            handle(event, slot: slot)
        case .playbackFinished(let slot, let call, let id, let failed):
            guard slots[slot].call == call, slots[slot].playback == id else { return }
            slots[slot].playback = nil
            handle(failed ? .playbackFailed(id) : .playbackFinished(id), slot: slot)
        case .timer(let slot, let call, let id):
            guard slots[slot].call == call, slots[slot].cancelledTimers.remove(id.rawValue) == nil else { return }
            handle(.timerFired(id), slot: slot)
        }
    }

    /// Times one step and plays Asterisk, the CRM and the caller in answer to its decisions.
    private mutating func handle(_ event: IVREvent, slot: Int) {
        out.removeAll(keepingCapacity: true)
        let at = Self.origin.addingTimeInterval(now + slots[slot].offset)
        let start = LatencySamples.now()
        slots[slot].engine.handle(event, at: at, into: &out)
        let elapsed = LatencySamples.now() &- start
        if measuring {
            samples.append(elapsed)
            tally.steps += 1
        }
        let call = slots[slot].call
        for decision in out { react(to: decision, slot: slot, call: call) }
        if let outcome = slots[slot].engine.outcome {
            if measuring {
                tally.calls += 1
                tally.outcomes[Self.name(outcome), default: 0] += 1
            }
            slots[slot].call = -1
            future.schedule(.start(slot: slot), at: now + random.uniform(0.5, 3))
        }
    }

    private mutating func react(to decision: IVRDecision, slot: Int, call: Int) {
        switch decision {
        case .play(let playback):
            slots[slot].playback = playback.id
            future.schedule(.event(slot: slot, call: call, .playbackStarted(playback.id)), at: now + random.uniform(0.02, 0.3))
            future.schedule(
                .playbackFinished(slot: slot, call: call, playback.id, failed: random.chance(0.01)),
                at: now + random.uniform(2, 6) * Double(playback.media.count))
            let node = slots[slot].engine.currentNodeID
            if IVRCaller.readsKeys(node), random.chance(0.3) {
                press(IVRCaller.keys(at: node, random: &random), slot: slot, call: call, from: now + random.uniform(0.8, 1.8))
            }
        case .stopPlayback(let id):
            if slots[slot].playback == id { slots[slot].playback = nil }
        case .startTimer(let timer):
            future.schedule(.timer(slot: slot, call: call, timer.id), at: now + Double(timer.duration.components.seconds) + Double(timer.duration.components.attoseconds) / 1e18)
            if timer.kind == .firstDigit, random.chance(0.85) {
                let node = slots[slot].engine.currentNodeID
                press(IVRCaller.keys(at: node, random: &random), slot: slot, call: call, from: now + random.uniform(0.4, 2.5))
            }
        case .cancelTimer(let id):
            slots[slot].cancelledTimers.insert(id.rawValue)
        case .lookupCustomer(let request):
            guard random.chance(0.98) else { return }  // else the CRM never answers and the lookup timer fires
            let draw = random.unit()
            let result: CustomerLookupResult =
                draw < 0.5 ? .found(IVRCustomer(id: "cust-\(request.callerID.suffix(6))", name: "Nguyen Van A"))
                : draw < 0.6 ? .found(IVRCustomer(id: "vip-\(request.callerID.suffix(6))", name: "Tran Thi B", isVIP: true))
                : draw < 0.95 ? .notFound : .failed(reason: "CRM 503")
            future.schedule(.event(slot: slot, call: call, .lookupResult(request.id, result)), at: now + random.uniform(0.03, 0.6))
        case .record(let request):
            future.schedule(
                .event(slot: slot, call: call, .recordingFinished(name: request.name, durationSeconds: random.uniform(5, 60))),
                at: now + random.uniform(5, 60))
        case .answer, .enqueue, .requestCallback, .transfer, .stopRecording, .storeMessage, .storeSurveyResult, .hangUp:
            break
        }
    }

    private mutating func press(_ keys: [DTMFDigit], slot: Int, call: Int, from time: Double) {
        var at = time
        for key in keys {
            future.schedule(.event(slot: slot, call: call, .digit(key)), at: at)
            at += random.uniform(0.2, 0.7)
        }
    }

    static func name(_ outcome: IVROutcome) -> String {
        switch outcome {
        case .enqueued(let queue): "enqueued \(queue)"
        case .transferred: "transferred"
        case .hungUp: "flow hung up"
        case .callerHungUp: "caller hung up"
        case .aborted: "aborted"
        }
    }
}
