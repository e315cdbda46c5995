import AMI
import CTICore

/// app_queue for callers: join, offer to members (ring), answer, ring-no-answer, as in the capture.
extension SimulatedPBX {
    /// What a generated caller will do once in the queue.
    struct CallerScript {
        var patience: Duration
        var talkTime: Duration
        var callerHangsUp: Bool
    }

    /// The variables `Queue()` clears when it starts.
    mutating func startQueueApplication(_ id: String) {
        for name in ["ANSWEREDTIME", "ANSWEREDTIME_MS", "DIALEDTIME", "DIALEDTIME_MS"] { setVariable(id, name, "") }
    }

    /// The caller enters the queue: `QueueCallerJoin`, music on hold, then offers to free members.
    mutating func joinQueue(_ id: String, queue name: String, script: CallerScript? = nil) {
        guard var queue = queues[name], channels[id] != nil else { return }
        setVariable(id, "QUEUEWAIT", "")
        setVariable(id, "QUEUEWAIT_MS", "")
        queue.waiting.append(id)
        queue.joinedAt[id] = now
        queues[name] = queue
        if queue.waiting.count == 1 { emitDeviceState("Queue:\(name)", .ringing) }
        let position = String(queue.waiting.count)
        emitChannelEvent("QueueCallerJoin", id, privilege: "agent", ["Queue": name, "Position": position, "Count": position])
        emitChannelEvent("MusicOnHoldStart", id, ["Class": "default"])
        var call = QueueCall(callerID: id, queue: name, joinedAt: now, originalPosition: queue.waiting.count)
        if let script {
            call.talkTime = script.talkTime
            call.callerHangsUp = script.callerHangsUp
            schedule(.abandon(caller: id), after: script.patience)
        }
        calls[id] = call
        schedule(.offer(queue: name), after: .zero)
    }

    /// Offers waiting callers, in order, to free members (autofill: as many as there are free members).
    mutating func offerCallers(in name: String) {
        guard let queue = queues[name] else { return }
        var nextWrapUpEnd: WallTime?
        for callerID in queue.waiting {
            guard let call = calls[callerID], call.phase == .waiting else { continue }
            if let notBefore = call.notBefore, notBefore > now { continue }
            guard let index = pickMember(in: name, avoiding: call.lastTried) else {
                nextWrapUpEnd = queues[name]?.members.compactMap { member in
                    member.wrapUpUntil.flatMap { $0 > now && !member.paused && !member.inCall && !member.ringing ? $0 : nil }
                }.min()
                break
            }
            ring(callerID, memberIndex: index)
        }
        if let nextWrapUpEnd { schedule(.offer(queue: name), after: nextWrapUpEnd - now) }
    }

    /// The member to offer a call to: by penalty, then as the strategy says; avoids the one that
    /// just rang out unless no one else is free.
    func pickMember(in name: String, avoiding interface: String?) -> Int? {
        guard let queue = queues[name] else { return nil }
        let free = queue.members.indices.filter { queue.members[$0].isAvailable(at: now) }
        let others = free.filter { queue.members[$0].interface != interface }
        let candidates = others.isEmpty ? free : others
        switch queue.strategy.lowercased() {
        case "leastrecent":
            return candidates.min { (queue.members[$0].penalty, queue.members[$0].lastCall, $0) < (queue.members[$1].penalty, queue.members[$1].lastCall, $1) }
        case "fewestcalls":
            return candidates.min { (queue.members[$0].penalty, queue.members[$0].callsTaken, $0) < (queue.members[$1].penalty, queue.members[$1].callsTaken, $1) }
        case "random":
            guard !candidates.isEmpty else { return nil }
            // A separate stream, so member choice does not disturb the PBX's main one.
            var generator = SeededGenerator(seed: UInt64(now.microseconds) ^ UInt64(candidates.count))
            return candidates.randomElement(using: &generator)
        default:
            return candidates.min { (queue.members[$0].penalty, $0) < (queue.members[$1].penalty, $1) }
        }
    }

    /// Rings a member for the caller: the agent leg, `AgentCalled`, `DialBegin`, `DialState`.
    mutating func ring(_ callerID: String, memberIndex: Int) {
        guard var call = calls[callerID], let caller = channels[callerID], let queue = queues[call.queue] else { return }
        let member = queue.members[memberIndex]
        let leg = dialAgentLeg(member.interface, for: caller)
        emitPairEvent("AgentCalled", "agent", caller: callerID, dest: leg.one, ["Queue": call.queue, "Interface": member.interface, "MemberName": member.name])
        if let two = leg.two {
            runApplication(two, "NoOp", "agent \(channels[two]?.exten ?? "")", priority: 1)
            runApplication(two, "Ringing", "")
        }
        emitPairEvent("DialBegin", "call", caller: callerID, dest: leg.one, ["DialString": member.interface])
        setState(leg.one, 5)
        if let two = leg.two { runApplication(two, "Wait", "1") }
        emitPairEvent("DialState", "call", caller: callerID, dest: leg.one, ["DialStatus": "RINGING"])
        // A ringing Local member shows in use (its device has a channel); a phone shows ringing.
        updateMember(stateInterface: member.stateInterface, device: leg.two == nil ? .ringing : .inUse) { $0.ringing = true }

        call.attempt += 1
        call.phase = .ringing
        call.member = member.interface
        call.agentLeg = leg.one
        call.ringStartedAt = now
        calls[callerID] = call

        let agents = settings.agents
        let timeout = agents.scaled(queue.timeout)
        let answersAfter = agents.scaled(Double.random(in: agents.ringSeconds, using: &random))
        let misses = Double.random(in: 0..<1, using: &random) < agents.noAnswerProbability
        if misses || answersAfter >= timeout {
            schedule(.ringTimeout(caller: callerID, attempt: call.attempt), after: timeout)
        } else {
            schedule(.answer(caller: callerID, attempt: call.attempt), after: answersAfter)
        }
    }

    /// Creates and announces the channel(s) dialled to a member; `two` is the far half of a Local member.
    private mutating func dialAgentLeg(_ interface: String, for caller: SimChannel) -> (one: String, two: String?) {
        if interface.lowercased().hasPrefix("local/") {
            let resource = String(interface.dropFirst("Local/".count))
            let (one, two) = makeLocalPair(resource: resource, linkedID: caller.linkedID)
            runApplication(one, "AppQueue", "(Outgoing Line)", priority: 1)
            setCallerID(one, number: caller.callerNumber, name: caller.callerName)
            runApplication(one, "AppQueue", "(Outgoing Line)", exten: caller.exten, priority: 1)
            setConnectedLine(one, number: caller.callerNumber, name: caller.callerName)
            setVariable(one, "DIALEDPEERNUMBER", resource)
            setVariable(two, "DIALEDPEERNUMBER", resource)
            channels[two]?.connectedNumber = caller.callerNumber
            channels[two]?.connectedName = caller.callerName
            setCallerID(two, number: caller.callerNumber, name: caller.callerName)
            setConnectedLine(two, number: caller.callerNumber, name: caller.callerName)
            emitLocalBridge(one, two)
            return (one, two)
        }
        let one = makeChannel(
            name: "\(interface)-\(nextNameSuffix())", linkedID: caller.linkedID, state: 0, context: "from-queue", exten: caller.exten)
        emitChannelEvent("Newchannel", one)
        setCallerID(one, number: caller.callerNumber, name: caller.callerName)
        setConnectedLine(one, number: caller.callerNumber, name: caller.callerName)
        return (one, nil)
    }

    /// The member answers: `DialEnd ANSWER`, the caller leaves the queue, `AgentConnect`, bridge.
    mutating func memberAnswers(caller callerID: String, attempt: Int) {
        guard var call = calls[callerID], call.phase == .ringing, call.attempt == attempt,
            let one = call.agentLeg, let interface = call.member, channels[one] != nil, channels[callerID] != nil
        else { return }
        let two = channels[one]?.partnerID
        if let two {
            runApplication(two, "Answer", "")
            setState(two, 6)
        }
        setState(one, 6)
        emitPairEvent("DialEnd", "call", caller: callerID, dest: one, ["DialStatus": "ANSWER"])
        emitChannelEvent("MusicOnHoldStop", callerID)
        let position = leaveWaitingList(callerID, queue: call.queue)
        let hold = now - call.joinedAt
        setVariable(callerID, "QUEUEPOSITION", String(position))
        setVariable(callerID, "QUEUEWAIT", String(hold.wholeSeconds))
        setVariable(callerID, "QUEUEWAIT_MS", String(hold.wholeMilliseconds))
        let ringTime = now - (call.ringStartedAt ?? now)
        let memberName = member(interface, in: call.queue)?.name ?? interface
        emitPairEvent("AgentConnect", "agent", caller: callerID, dest: one, [
            "Queue": call.queue, "Interface": interface, "MemberName": memberName,
            "HoldTime": String(hold.wholeSeconds), "RingTime": String(ringTime.wholeSeconds),
        ])
        if let average = queues[call.queue].map({ SimQueue.average($0.holdTime, Int(hold.wholeSeconds)) }) {
            queues[call.queue]?.holdTime = average
        }
        let bridge = createBridge()
        enterBridge(bridge, one)
        enterBridge(bridge, callerID)
        setVariable(one, "BRIDGEPEER", channels[callerID]?.name ?? "")
        setVariable(callerID, "BRIDGEPEER", channels[one]?.name ?? "")
        if let two {
            runApplication(two, "Playback", "hello-world")
            setVariable(two, "PLAYBACKSTATUS", "SUCCESS")
            runApplication(two, "Wait", "600")
        }
        if let answering = member(interface, in: call.queue) {
            let connect: (inout SimQueueMember) -> Void = {
                $0.ringing = false
                $0.inCall = true
            }
            // A Local member already shows in use; a phone goes from ringing to in use.
            if answering.status == .inUse {
                setMemberFlags(answering.stateInterface, connect)
            } else {
                updateMember(stateInterface: answering.stateInterface, device: .inUse, connect)
            }
        }
        call.phase = .connected
        call.answeredAt = now
        call.bridgeID = bridge
        calls[callerID] = call
        if let talk = call.talkTime { schedule(.end(caller: callerID), after: talk) }
    }

    /// The offer rang out (or the member's phone hung up: `BUSY`): `AgentRingNoAnswer` (RingTime in ms),
    /// `DialEnd`, the agent leg hangs up, and the caller waits `retry` before the next offer.
    mutating func ringTimedOut(caller callerID: String, attempt: Int, dialStatus: String = "NOANSWER") {
        guard var call = calls[callerID], call.phase == .ringing, call.attempt == attempt,
            let one = call.agentLeg, let interface = call.member
        else { return }
        let ringTime = now - (call.ringStartedAt ?? now)
        let memberName = member(interface, in: call.queue)?.name ?? interface
        emitPairEvent("AgentRingNoAnswer", "agent", caller: callerID, dest: one, [
            "Queue": call.queue, "Interface": interface, "MemberName": memberName, "RingTime": String(ringTime.wholeMilliseconds),
        ])
        emitPairEvent("DialEnd", "call", caller: callerID, dest: one, ["DialStatus": dialStatus])
        hangUpAgentLeg(one)
        releaseMember(interface, queue: call.queue)
        call.phase = .waiting
        call.member = nil
        call.agentLeg = nil
        call.lastTried = interface
        let retry = settings.agents.scaled(queues[call.queue]?.retry ?? 2)
        call.notBefore = now + retry
        calls[callerID] = call
        schedule(.offer(queue: call.queue), after: retry)
    }

    /// Hangs up the channel dialled to a member, and its Local far half.
    mutating func hangUpAgentLeg(_ one: String, cause: Int = 16) {
        let two = channels[one]?.partnerID
        destroyChannel(one, cause: cause)
        if let two, channels[two] != nil {
            requestHangup(two, .soft, cause: cause)
            destroyChannel(two, cause: cause)
        }
    }

    /// The member's device is free again after an offer that did not connect; callers waiting in
    /// any of its queues may be offered to it.
    mutating func releaseMember(_ interface: String, queue: String) {
        guard let stateInterface = member(interface, in: queue)?.stateInterface else { return }
        updateMember(stateInterface: stateInterface, device: .notInUse) { $0.ringing = false }
        for name in queueOrder where queues[name]?.members.contains(where: { $0.stateInterface == stateInterface }) == true {
            schedule(.offer(queue: name), after: .zero)
        }
    }

    /// Changes every membership of a member without an event (flags no event reports).
    mutating func setMemberFlags(_ stateInterface: String, _ change: (inout SimQueueMember) -> Void) {
        for name in queueOrder {
            guard var queue = queues[name] else { continue }
            for index in queue.members.indices where queue.members[index].stateInterface == stateInterface {
                change(&queue.members[index])
            }
            queues[name] = queue
        }
    }

    /// Takes the caller off the waiting list (`QueueCallerLeave`); returns the position it had.
    @discardableResult
    mutating func leaveWaitingList(_ callerID: String, queue name: String) -> Int {
        guard var queue = queues[name], let index = queue.waiting.firstIndex(of: callerID) else { return 0 }
        queue.waiting.remove(at: index)
        queue.joinedAt[callerID] = nil
        queues[name] = queue
        if queue.waiting.isEmpty { emitDeviceState("Queue:\(name)", .notInUse) }
        emitChannelEvent("QueueCallerLeave", callerID, privilege: "agent", [
            "Queue": name, "Position": String(index + 1), "Count": String(queue.waiting.count),
        ])
        return index + 1
    }
}
