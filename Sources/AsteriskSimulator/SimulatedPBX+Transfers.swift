import AMI
import CTICore

/// An agent sends a connected caller back into a queue (a blind transfer to the queue's extension):
/// the caller's channel, and so its Uniqueid, lives on and app_queue offers it again.
extension SimulatedPBX {
    /// Ends the connection of the caller `callerID` as app_queue does for a transfer (the caller
    /// leaves the bridge, `AgentComplete` with `Reason: transfer`, the agent leg hangs up, the
    /// member wraps up), then the caller runs `Queue()` again and joins `queue` (the same queue
    /// when nil). False when the caller is not connected or the queue is unknown.
    public mutating func transferToQueue(_ callerID: String, queue: String? = nil) -> Bool {
        guard let call = calls[callerID], call.phase == .connected, let one = call.agentLeg, let interface = call.member,
            let answeredAt = call.answeredAt, channels[callerID] != nil
        else { return false }
        let target = queue ?? call.queue
        guard queues[target] != nil else { return false }
        let talk = now - answeredAt

        setVariable(callerID, "BRIDGEPEER", "")
        setVariable(one, "BRIDGEPEER", "")
        leaveBridge(callerID)
        let memberName = member(interface, in: call.queue)?.name ?? interface
        emitPairEvent("AgentComplete", "agent", caller: callerID, dest: one, [
            "Queue": call.queue, "Interface": interface, "MemberName": memberName,
            "HoldTime": String((answeredAt - call.joinedAt).wholeSeconds), "TalkTime": String(talk.wholeSeconds), "Reason": "transfer",
        ])
        leaveBridge(one)
        hangUpAgentLeg(one)
        freeMemberAfterCall(interface, queue: call.queue)
        if var entry = queues[call.queue] {
            entry.completed += 1
            entry.talkTime = SimQueue.average(entry.talkTime, Int(talk.wholeSeconds))
            queues[call.queue] = entry
        }
        calls[callerID] = nil

        runApplication(callerID, "Queue", "\(target),,,,120")
        startQueueApplication(callerID)
        joinQueue(callerID, queue: target)
        return true
    }
}
