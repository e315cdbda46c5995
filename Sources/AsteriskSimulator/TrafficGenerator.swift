import AMI
import CTICore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plays realistic inbound queue calls on a ``SimulatedPBX``, in virtual time and deterministically
/// for a seed: Poisson arrivals, app_queue-style longest-idle distribution, ring-no-answer, answer,
/// talk and hang-up, or abandonment — with the AMI events Asterisk raises for each step.
public struct TrafficGenerator: Sendable {
    /// The caller behaviour.
    public let profile: TrafficProfile
    /// Calls that arrived.
    public private(set) var startedCalls = 0
    /// Calls answered and finished.
    public private(set) var completedCalls = 0
    /// Calls abandoned while waiting.
    public private(set) var abandonedCalls = 0
    /// Offers that rang out unanswered.
    public private(set) var missedOffers = 0
    /// Virtual time reached.
    public private(set) var now: Double

    private var random: SeededGenerator
    private var nextArrival: Double
    private var steps: [Step] = []
    private var stepCounter = 0
    private var calls: [String: Call] = [:]
    /// Whether new calls still arrive.
    public var arrivalsEnabled = true
    /// Stop arrivals after this many calls, when set.
    public var arrivalLimit: Int?

    private enum Action: Sendable {
        case ringEnd(caller: String)
        case abandon(caller: String)
        case hangup(caller: String)
    }

    private struct Step: Sendable {
        var time: Double
        var order: Int
        var action: Action
    }

    private struct Call: Sendable {
        var queue: String
        var arrivedAt: Double
        var agentLeg: String?
        var interface: String?
        var answeredAt: Double?
        var ringStarted: Double = 0
        /// The current offer will ring out unanswered.
        var ringsOut = false
    }

    /// A generator starting at epoch `startTime`.
    public init(profile: TrafficProfile, seed: UInt64, startTime: Double) {
        self.profile = profile
        self.random = SeededGenerator(seed: seed)
        self.now = startTime
        self.nextArrival = startTime
        self.nextArrival = startTime + exponential(mean: 1 / max(profile.callsPerSecond, 1e-9))
    }

    /// Calls in progress (waiting, ringing or talking).
    public var activeCalls: Int { calls.count }

    /// Runs every step due up to `time` against `pbx` and returns the events, in order.
    public mutating func advance(to time: Double, pbx: inout SimulatedPBX) -> [AMIMessage] {
        var events: [AMIMessage] = []
        while true {
            let stepTime = steps.first?.time ?? .infinity
            let arrivalsOpen = arrivalsEnabled && startedCalls < (arrivalLimit ?? .max)
            let arrivalTime = arrivalsOpen ? nextArrival : .infinity
            let due = min(stepTime, arrivalTime)
            guard due <= time else { break }
            now = due
            if arrivalTime <= stepTime {
                events += arrive(pbx: &pbx)
                nextArrival = now + exponential(mean: 1 / max(profile.callsPerSecond, 1e-9))
            } else {
                let step = steps.removeFirst()
                events += run(step.action, pbx: &pbx)
            }
            events += dispatch(pbx: &pbx)
        }
        now = max(now, time)
        return events
    }

    /// The events of `count` whole calls on a fresh demo PBX: a realistic stream for benchmarks and tests.
    public static func events(forCalls count: Int, seed: UInt64 = 1, callsPerSecond: Double = 2) -> [AMIMessage] {
        let start = 1_795_370_000.0
        var pbx = SimulatedPBX.demo(bootTime: start)
        var generator = TrafficGenerator(profile: TrafficProfile(callsPerSecond: callsPerSecond), seed: seed, startTime: start)
        generator.arrivalLimit = count
        var events: [AMIMessage] = []
        var time = start
        while generator.startedCalls < count || generator.activeCalls > 0 {
            time += 10
            events += generator.advance(to: time, pbx: &pbx)
        }
        return events
    }

    // MARK: Steps

    private mutating func schedule(_ action: Action, at time: Double) {
        stepCounter += 1
        let step = Step(time: time, order: stepCounter, action: action)
        let index = steps.firstIndex { ($0.time, $0.order) > (step.time, step.order) } ?? steps.endIndex
        steps.insert(step, at: index)
    }

    private mutating func arrive(pbx: inout SimulatedPBX) -> [AMIMessage] {
        startedCalls += 1
        let queue = pickQueue()
        let caller = CallerDirectory.caller(using: &random)
        let (channel, created) = pbx.newChannel(
            resource: "PJSIP/trunk-provider", state: 4, callerNumber: caller.number, callerName: caller.name,
            context: "from-trunk", exten: queue == "sales" ? "5001" : "5000", at: now)
        var events = created
        events += pbx.runApplication(channel.uniqueID, "Answer", data: "", at: now)
        events += pbx.setState(channel.uniqueID, 6, at: now)
        events += pbx.setVariable(channel.uniqueID, "CHANNEL(language)", "vi", at: now)
        events += pbx.runApplication(channel.uniqueID, "Queue", data: "\(queue),,,,300", at: now)
        events += pbx.joinQueue(channel.uniqueID, queue: queue, at: now)
        if let joined = pbx.channels[channel.uniqueID] {
            var moh = SimEvents.channelEvent("MusicOnHoldStart", joined, at: now)
            moh.append("Class", "default")
            events.append(moh)
        }
        calls[channel.uniqueID] = Call(queue: queue, arrivedAt: now)
        schedule(.abandon(caller: channel.uniqueID), at: now + exponential(mean: profile.meanPatienceSeconds))
        return events
    }

    /// Offers waiting callers to idle members, longest idle first, as app_queue's leastrecent does.
    private mutating func dispatch(pbx: inout SimulatedPBX) -> [AMIMessage] {
        var events: [AMIMessage] = []
        for name in pbx.queueOrder {
            guard let queue = pbx.queues[name] else { continue }
            for callerID in queue.waiting where calls[callerID]?.agentLeg == nil {
                guard let member = longestIdleMember(in: name, pbx: pbx) else { break }
                events += offer(callerID, to: member, queue: name, pbx: &pbx)
            }
        }
        return events
    }

    private func longestIdleMember(in queue: String, pbx: SimulatedPBX) -> SimQueueMember? {
        let busy = Set(pbx.queueOrder.flatMap { pbx.queues[$0]?.members.filter { !$0.isAvailable }.map(\.interface) ?? [] })
        return pbx.queues[queue]?.members
            .filter { $0.isAvailable && !busy.contains($0.interface) }
            .min { ($0.penalty, $0.lastCall, $0.name) < ($1.penalty, $1.lastCall, $1.name) }
    }

    private mutating func offer(_ callerID: String, to member: SimQueueMember, queue: String, pbx: inout SimulatedPBX) -> [AMIMessage] {
        guard let caller = pbx.channels[callerID] else { return [] }
        let (agent, created) = pbx.newChannel(
            resource: member.interface, linkedID: caller.linkedID, state: 0, callerNumber: caller.callerNumber,
            callerName: caller.callerName, context: "agents", exten: caller.exten, at: now)
        var events = created
        var called = SimEvents.pair("AgentCalled", "agent", caller: caller, dest: agent, at: now)
        called.append("Queue", queue)
        called.append("Interface", member.interface)
        called.append("MemberName", member.name)
        events.append(called)
        var begin = SimEvents.pair("DialBegin", "call", caller: caller, dest: agent, at: now)
        begin.append("DialString", String(member.interface.drop { $0 != "/" }.dropFirst()))
        events.append(begin)
        events += pbx.setState(agent.uniqueID, 5, at: now)
        if let ringing = pbx.channels[agent.uniqueID] {
            var state = SimEvents.pair("DialState", "call", caller: caller, dest: ringing, at: now)
            state.append("DialStatus", "RINGING")
            events.append(state)
        }
        events += setMemberEverywhere(member.interface, pbx: &pbx) { $0.status = 6 }
        calls[callerID]?.agentLeg = agent.uniqueID
        calls[callerID]?.interface = member.interface
        calls[callerID]?.ringStarted = now
        let ring = Double.random(in: profile.ringSeconds, using: &random)
        let missed = Double.random(in: 0..<1, using: &random) < profile.noAnswerProbability
        schedule(.ringEnd(caller: callerID), at: now + (missed ? profile.ringTimeoutSeconds : ring))
        calls[callerID]?.ringsOut = missed
        return events
    }

    private mutating func run(_ action: Action, pbx: inout SimulatedPBX) -> [AMIMessage] {
        switch action {
        case .ringEnd(let callerID): ringEnded(callerID, pbx: &pbx)
        case .abandon(let callerID): abandon(callerID, pbx: &pbx)
        case .hangup(let callerID): hangUp(callerID, pbx: &pbx)
        }
    }

    private mutating func ringEnded(_ callerID: String, pbx: inout SimulatedPBX) -> [AMIMessage] {
        guard let call = calls[callerID], let agentID = call.agentLeg, let interface = call.interface,
            let caller = pbx.channels[callerID], let agent = pbx.channels[agentID], call.answeredAt == nil
        else { return [] }
        let member = pbx.queues[call.queue]?.members.first { $0.interface == interface }
        let ringTime = now - call.ringStarted
        if call.ringsOut {
            missedOffers += 1
            var noAnswer = SimEvents.pair("AgentRingNoAnswer", "agent", caller: caller, dest: agent, at: now)
            noAnswer.append("Queue", call.queue)
            noAnswer.append("Interface", interface)
            noAnswer.append("MemberName", member?.name ?? interface)
            noAnswer.append("RingTime", String(Int(ringTime * 1000)))
            var end = SimEvents.pair("DialEnd", "call", caller: caller, dest: agent, at: now)
            end.append("DialStatus", "NOANSWER")
            var events = [noAnswer, end] + pbx.hangup(agentID, cause: 19, requested: false, at: now)
            events += setMemberEverywhere(interface, pbx: &pbx) { $0.status = 1 }
            calls[callerID] = Call(queue: call.queue, arrivedAt: call.arrivedAt)
            return events
        }
        var events = pbx.setState(agentID, 6, at: now)
        events += pbx.setConnectedLine(callerID, number: String(interface.drop { $0 != "/" }.dropFirst()), name: member?.name ?? "", at: now)
        var end = SimEvents.pair("DialEnd", "call", caller: pbx.channels[callerID] ?? caller, dest: pbx.channels[agentID] ?? agent, at: now)
        end.append("DialStatus", "ANSWER")
        events.append(end)
        events.append(SimEvents.channelEvent("MusicOnHoldStop", pbx.channels[callerID] ?? caller, at: now))
        let hold = Int(now - call.arrivedAt)
        events += pbx.leaveQueue(callerID, queue: call.queue, at: now)
        var connect = SimEvents.pair("AgentConnect", "agent", caller: pbx.channels[callerID] ?? caller, dest: pbx.channels[agentID] ?? agent, at: now)
        connect.append("Queue", call.queue)
        connect.append("Interface", interface)
        connect.append("MemberName", member?.name ?? interface)
        connect.append("HoldTime", String(hold))
        connect.append("RingTime", String(Int(ringTime)))
        events.append(connect)
        events += pbx.bridge(callerID, agentID, at: now).1
        events += setMemberEverywhere(interface, pbx: &pbx) {
            $0.status = 2
            $0.inCall = true
        }
        calls[callerID]?.answeredAt = now
        let talk = max(profile.minimumTalkSeconds, exponential(mean: profile.meanTalkSeconds))
        schedule(.hangup(caller: callerID), at: now + talk)
        return events
    }

    private mutating func abandon(_ callerID: String, pbx: inout SimulatedPBX) -> [AMIMessage] {
        guard let call = calls[callerID], call.answeredAt == nil else { return [] }
        var events: [AMIMessage] = []
        if let agentID = call.agentLeg, let interface = call.interface, let caller = pbx.channels[callerID], let agent = pbx.channels[agentID] {
            var end = SimEvents.pair("DialEnd", "call", caller: caller, dest: agent, at: now)
            end.append("DialStatus", "CANCEL")
            events.append(end)
            events += pbx.hangup(agentID, cause: 16, requested: false, at: now)
            events += setMemberEverywhere(interface, pbx: &pbx) { $0.status = 1 }
        }
        events += pbx.abandon(callerID, queue: call.queue, at: now)
        calls[callerID] = nil
        abandonedCalls += 1
        return events
    }

    private mutating func hangUp(_ callerID: String, pbx: inout SimulatedPBX) -> [AMIMessage] {
        guard let call = calls[callerID], let agentID = call.agentLeg, let interface = call.interface,
            let answeredAt = call.answeredAt, let caller = pbx.channels[callerID], let agent = pbx.channels[agentID]
        else { return [] }
        let callerHangsUp = random.next() % 2 == 0
        let first = callerHangsUp ? callerID : agentID
        var request = SimEvents.channelEvent("HangupRequest", callerHangsUp ? caller : agent, at: now)
        request.append("Cause", "16")
        var events = [request]
        events += pbx.leaveBridge(callerID, at: now) + pbx.leaveBridge(agentID, at: now)
        var complete = SimEvents.pair("AgentComplete", "agent", caller: pbx.channels[callerID] ?? caller, dest: pbx.channels[agentID] ?? agent, at: now)
        complete.append("Queue", call.queue)
        complete.append("Interface", interface)
        complete.append("MemberName", pbx.queues[call.queue]?.members.first { $0.interface == interface }?.name ?? interface)
        complete.append("HoldTime", String(Int(answeredAt - call.arrivedAt)))
        complete.append("TalkTime", String(Int(now - answeredAt)))
        complete.append("Reason", callerHangsUp ? "caller" : "agent")
        events.append(complete)
        events += pbx.hangup(first, requested: false, at: now)
        events += pbx.hangup(first == callerID ? agentID : callerID, at: now)
        events += setMemberEverywhere(interface, pbx: &pbx) {
            $0.status = 1
            $0.inCall = false
        }
        events += pbx.updateMember(queue: call.queue, interface: interface, at: now) {
            $0.callsTaken += 1
            $0.lastCall = Int(self.now)
        }
        if var queue = pbx.queues[call.queue] {
            queue.completed += 1
            queue.totalHold += answeredAt - call.arrivedAt
            queue.totalTalk += now - answeredAt
            pbx.queues[call.queue] = queue
        }
        calls[callerID] = nil
        completedCalls += 1
        return events
    }

    /// Applies a member change in every queue the interface belongs to (one `QueueMemberStatus` each).
    private func setMemberEverywhere(_ interface: String, pbx: inout SimulatedPBX, _ change: (inout SimQueueMember) -> Void) -> [AMIMessage] {
        pbx.queueOrder.flatMap { pbx.updateMember(queue: $0, interface: interface, at: now, change) }
    }

    private mutating func pickQueue() -> String {
        let total = profile.queues.reduce(0) { $0 + $1.weight }
        var draw = Double.random(in: 0..<max(total, 1e-9), using: &random)
        for entry in profile.queues {
            draw -= entry.weight
            if draw < 0 { return entry.name }
        }
        return profile.queues.last?.name ?? "support"
    }

    private mutating func exponential(mean: Double) -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &random)
        return -log(u) * mean
    }
}
