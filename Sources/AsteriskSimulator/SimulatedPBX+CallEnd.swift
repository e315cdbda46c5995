import AMI

/// How calls end: a waiting caller abandons, a connected call completes (`AgentComplete`),
/// or the Hangup action ends any channel.
extension SimulatedPBX {
    /// Hangs up a channel by name or Uniqueid, as the Hangup action does; a queue call ends with the
    /// events app_queue raises (abandon or `AgentComplete`). Returns false when there is no such channel.
    @discardableResult
    public mutating func hangup(_ nameOrID: String, cause: Int = 16) -> Bool {
        guard let channel = channel(named: nameOrID) else { return false }
        let id = channel.uniqueID
        if let call = calls[id] ?? channel.partnerID.flatMap({ calls[$0] }) {
            if call.phase == .connected {
                completeCall(call.callerID, callerEnds: true, byManager: true, cause: cause)
            } else {
                callerAbandons(call.callerID, requestedByManager: true, cause: cause)
            }
        } else if let call = calls.values.first(where: { $0.agentLeg.map { $0 == id || channels[$0]?.partnerID == id } ?? false }) {
            if call.phase == .connected {
                completeCall(call.callerID, callerEnds: false, byManager: true, cause: cause)
            } else {
                // app_queue takes a member's phone hanging up while it rings as busy.
                ringTimedOut(caller: call.callerID, attempt: call.attempt, dialStatus: "BUSY")
            }
        } else {
            hangUpPlainChannel(id, cause: cause, kind: .soft)
        }
        return true
    }

    /// A waiting caller hangs up: any ringing offer is cancelled, `QueueCallerAbandon`, leave, `Hangup`.
    mutating func callerAbandons(_ callerID: String, requestedByManager: Bool, cause: Int = 16) {
        guard let call = calls[callerID], call.phase != .connected, channels[callerID] != nil else { return }
        requestHangup(callerID, requestedByManager ? .soft : .remote, cause: cause)
        if call.phase == .ringing, let one = call.agentLeg, let interface = call.member {
            emitPairEvent("DialEnd", "call", caller: callerID, dest: one, ["DialStatus": "CANCEL"])
            hangUpAgentLeg(one)
            releaseMember(interface, queue: call.queue)
        }
        emitChannelEvent("MusicOnHoldStop", callerID)
        let position = (queues[call.queue]?.waiting.firstIndex(of: callerID) ?? 0) + 1
        emitChannelEvent("QueueCallerAbandon", callerID, privilege: "agent", [
            "Queue": call.queue, "Position": String(position), "OriginalPosition": String(call.originalPosition),
            "HoldTime": String((now - call.joinedAt).wholeSeconds),
        ])
        queues[call.queue]?.abandoned += 1
        leaveWaitingList(callerID, queue: call.queue)
        calls[callerID] = nil
        endCallerChannels(callerID, cause: cause)
    }

    /// A generated call's talk time is over: the caller or the agent hangs up.
    mutating func scriptedCallEnds(_ callerID: String) {
        guard let call = calls[callerID], call.phase == .connected else { return }
        completeCall(callerID, callerEnds: call.callerHangsUp, byManager: false)
    }

    /// Ends a connected call, in the order of the capture: bridge peers cleared, both leave the
    /// bridge, `AgentComplete` (Reason caller or agent), hang-ups, and the member freed for wrap-up.
    mutating func completeCall(_ callerID: String, callerEnds: Bool, byManager: Bool, cause: Int = 16) {
        guard let call = calls[callerID], call.phase == .connected, let one = call.agentLeg, let interface = call.member,
            let answeredAt = call.answeredAt
        else { return }
        let two = channels[one]?.partnerID
        let callerPartner = channels[callerID]?.partnerID
        let talk = now - answeredAt
        let dialed = now - (call.ringStartedAt ?? answeredAt)
        let kind: HangupRequest = byManager ? .soft : .remote

        if !callerEnds { requestHangup(two ?? one, kind, cause: cause) }
        setVariable(callerID, "BRIDGEPEER", "")
        setVariable(one, "BRIDGEPEER", "")
        leaveBridge(callEndingChannel(callerEnds, caller: callerID, agent: one))
        setVariable(callerID, "ANSWEREDTIME", String(talk.wholeSeconds))
        setVariable(callerID, "ANSWEREDTIME_MS", String(talk.wholeMilliseconds))
        setVariable(callerID, "DIALEDTIME", String(dialed.wholeSeconds))
        setVariable(callerID, "DIALEDTIME_MS", String(dialed.wholeMilliseconds))
        if callerEnds { requestHangup(callerID, kind, cause: cause) }
        leaveBridge(callEndingChannel(!callerEnds, caller: callerID, agent: one))
        let memberName = member(interface, in: call.queue)?.name ?? interface
        emitPairEvent("AgentComplete", "agent", caller: callerID, dest: one, [
            "Queue": call.queue, "Interface": interface, "MemberName": memberName,
            "HoldTime": String((answeredAt - call.joinedAt).wholeSeconds), "TalkTime": String(talk.wholeSeconds),
            "Reason": callerEnds ? "caller" : "agent",
        ])
        if callerEnds {
            if let two { requestHangup(two, .remote, cause: cause) }
            if let callerPartner { requestHangup(callerPartner, .remote, cause: cause) }
            if let two { requestHangup(two, .soft, cause: cause) }
            destroyChannel(callerID, cause: cause)
            if let callerPartner {
                requestHangup(callerPartner, .soft, cause: cause)
                destroyChannel(callerPartner, cause: cause)
            }
            if let two { destroyChannel(two, cause: cause) }
            destroyChannel(one, cause: cause)
        } else {
            if let two { destroyChannel(two, cause: cause) }
            destroyChannel(one, cause: cause)
            runApplication(callerID, "Hangup", "")
            requestHangup(callerID, .soft, cause: cause)
            endCallerChannels(callerID, cause: cause)
        }
        freeMemberAfterCall(interface, queue: call.queue)
        if var queue = queues[call.queue] {
            queue.completed += 1
            queue.talkTime = SimQueue.average(queue.talkTime, Int(talk.wholeSeconds))
            if (answeredAt - call.joinedAt).wholeSeconds <= Int64(queue.serviceLevel) { queue.completedInServiceLevel += 1 }
            queues[call.queue] = queue
        }
        calls[callerID] = nil
    }

    private func callEndingChannel(_ callerSide: Bool, caller: String, agent: String) -> String { callerSide ? caller : agent }

    /// Hangs up the caller's channel and its Local partner.
    private mutating func endCallerChannels(_ callerID: String, cause: Int) {
        let partner = channels[callerID]?.partnerID
        destroyChannel(callerID, cause: cause)
        if let partner, channels[partner] != nil {
            requestHangup(partner, .soft, cause: cause)
            destroyChannel(partner, cause: cause)
        }
    }

    /// After a call the member's device is free; it rests `wrapuptime` before the next offer.
    mutating func freeMemberAfterCall(_ interface: String, queue: String) {
        guard let stateInterface = member(interface, in: queue)?.stateInterface else { return }
        let wrapUp = settings.agents.scaled(queues[queue]?.wrapUpTime ?? 0)
        let lastCall = now.seconds
        let until = now + wrapUp
        // Only the queue that took the call counts it, as app_queue does.
        if var entry = queues[queue], let index = entry.memberIndex(interface: interface) {
            entry.members[index].callsTaken += 1
            entry.members[index].lastCall = lastCall
            queues[queue] = entry
        }
        // Both halves of a Local member's channel leave the device: two changes, as in the capture.
        emitDeviceState(stateInterface, .notInUse)
        updateMember(stateInterface: stateInterface, device: .notInUse) {
            $0.inCall = false
            $0.ringing = false
            $0.wrapUpUntil = until
        }
        for name in queueOrder where queues[name]?.members.contains(where: { $0.stateInterface == stateInterface }) == true {
            schedule(.offer(queue: name), after: wrapUp)
        }
    }
}
