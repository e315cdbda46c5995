import AMI
import CTICore

/// Follows calls that Asterisk's own `app_queue` distributes, from AMI events, with no I/O.
///
/// Reports in the controller's shape (``ACDControllerEvent``) so screen-pops and statistics work
/// the same in observer mode: calls are named by the caller's Uniqueid, agents by member name,
/// queues by name. Durations come from ``AppQueueEvent`` already in seconds. ``resync(queueStatus:at:)``
/// rebuilds waiting callers and members from a `QueueStatus` list after a (re)connect.
public struct AppQueueObserverState: Sendable {
    /// A caller waiting in (or being served from) a queue.
    public struct Caller: Sendable, Hashable {
        /// What a screen-pop shows.
        public var info: ACDCallInfo
        /// When they joined.
        public var joinedAt: ACDInstant
        /// The member who answered, once connected.
        public var agent: AgentID?
    }

    /// Callers by Uniqueid.
    public private(set) var callers: [String: Caller] = [:]
    /// Members by queue, then interface.
    public private(set) var members: [String: [String: QueueMemberInfo]] = [:]
    /// Each member's state, by member name.
    public private(set) var agentStates: [AgentID: AgentState] = [:]

    /// Nothing known yet.
    public init() {}

    /// Applies one AMI event at `instant`; returns what it means for the ACD (nothing for other events).
    public mutating func apply(_ message: AMIMessage, at instant: ACDInstant) -> [ACDControllerEvent] {
        guard let event = AppQueueEvent(message) else { return [] }
        var out: [ACDControllerEvent] = []
        switch event {
        case .callerJoined(let caller, let queue, let position, _):
            let info = ACDCallInfo(
                id: CallID(caller), channelID: caller, queue: QueueID(queue), callerNumber: ChannelLeg.known(message["CallerIDNum"]),
                callerName: ChannelLeg.known(message["CallerIDName"]), dnis: ChannelLeg.known(message["Exten"]))
            callers[caller] = Caller(info: info, joinedAt: instant)
            out.append(.queued(info, position: position))
        case .callerLeft(let caller, _, _, _):
            if callers[caller]?.agent == nil { callers[caller] = nil }
        case .callerAbandoned(let caller, let queue, _, _, let hold):
            callers[caller] = nil
            out.append(.abandoned(CallID(caller), queue: QueueID(queue), wait: hold))
        case .agentCalled(let leg):
            let caller = knownCaller(leg, at: instant)
            out.append(.offered(agent: AgentID(leg.memberName), call: caller.info, wait: instant - caller.joinedAt))
            setState(AgentID(leg.memberName), .offered(caller.info.id), into: &out)
        case .agentRingNoAnswer(let leg, _), .agentDumped(let leg):
            let agent = AgentID(leg.memberName)
            out.append(.offerMissed(agent: agent, call: CallID(leg.callerUniqueID)))
            if case .offered = agentStates[agent] { setState(agent, idleState(of: leg.memberName), into: &out) }
        case .agentConnected(let leg, _, _):
            let agent = AgentID(leg.memberName)
            var caller = knownCaller(leg, at: instant)
            caller.agent = agent
            callers[leg.callerUniqueID] = caller
            out.append(.connected(caller.info.id, agent: agent, bridgeID: nil, recording: nil))
            setState(agent, .onCall(caller.info.id), into: &out)
        case .agentCompleted(let leg, _, let talk, let reason):
            let agent = AgentID(leg.memberName)
            callers[leg.callerUniqueID] = nil
            out.append(.ended(CallID(leg.callerUniqueID), agent: agent, by: reason == "agent" ? .agent : .caller, talkSeconds: talk))
            let wrapUp = members[leg.queue]?[leg.interface]?.wrapUpSeconds ?? 0
            if wrapUp > 0 {
                let until = instant + Double(wrapUp)
                out.append(.wrapUp(agent: agent, queue: QueueID(leg.queue), until: until))
                setState(agent, .wrapUp(until: until), into: &out)
            } else {
                setState(agent, idleState(of: leg.memberName), into: &out)
            }
        case .memberChanged(let member, let kind):
            let agent = AgentID(member.name)
            if kind == "Removed" {
                members[member.queue]?[member.interface] = nil
            } else {
                members[member.queue, default: [:]][member.interface] = member
            }
            switch agentStates[agent] {
            case .offered?, .onCall?:
                if member.paused { setState(agent, .paused(reason: member.pausedReason), into: &out) }
            case .wrapUp(let until)? where instant < until && !member.paused:
                break
            default:
                setState(agent, idleState(of: member.name), into: &out)
            }
        }
        return out
    }

    /// Rebuilds callers and members from `QueueStatus` items (`QueueMember`, `QueueEntry`);
    /// returns `queued` for callers not known before and the agent states that changed.
    public mutating func resync(queueStatus items: [AMIMessage], at instant: ACDInstant) -> [ACDControllerEvent] {
        var out: [ACDControllerEvent] = []
        var freshCallers: [String: Caller] = [:]
        var freshMembers: [String: [String: QueueMemberInfo]] = [:]
        for item in items {
            if item.isEvent(named: "QueueMember"), let member = QueueMemberInfo(item) {
                freshMembers[member.queue, default: [:]][member.interface] = member
            } else if item.isEvent(named: "QueueEntry"), let id = item["Uniqueid"], let queue = item["Queue"] {
                let wait = item["Wait"].flatMap { Double($0) } ?? 0
                let info = ACDCallInfo(
                    id: CallID(id), channelID: id, queue: QueueID(queue), callerNumber: ChannelLeg.known(item["CallerIDNum"]),
                    callerName: ChannelLeg.known(item["CallerIDName"]))
                freshCallers[id] = callers[id] ?? Caller(info: info, joinedAt: instant + -wait)
                if callers[id] == nil { out.append(.queued(info, position: item["Position"].flatMap { Int($0) } ?? 0)) }
            }
        }
        // Connected callers are not in QueueEntry; keep those whose member is still in a call.
        for (id, caller) in callers where caller.agent != nil && freshCallers[id] == nil {
            let busy = freshMembers.values.contains { $0.values.contains { AgentID($0.name) == caller.agent && $0.inCall } }
            if busy { freshCallers[id] = caller }
        }
        callers = freshCallers
        members = freshMembers
        let names = Set(freshMembers.values.flatMap { $0.values.map(\.name) })
        for name in names.sorted() {
            let agent = AgentID(name)
            let inCall = freshMembers.values.contains { $0.values.contains { $0.name == name && $0.inCall } }
            if inCall, let call = callers.first(where: { $0.value.agent == agent })?.key {
                setState(agent, .onCall(CallID(call)), into: &out)
            } else {
                setState(agent, idleState(of: name), into: &out)
            }
        }
        for agent in agentStates.keys.sorted() where !names.contains(agent.rawValue) {
            setState(agent, .loggedOut, into: &out)
        }
        return out
    }

    /// The caller an `Agent*` event names, made up from the event if the join was missed.
    private mutating func knownCaller(_ leg: AgentLegInfo, at instant: ACDInstant) -> Caller {
        if let caller = callers[leg.callerUniqueID] { return caller }
        let info = ACDCallInfo(
            id: CallID(leg.callerUniqueID), channelID: leg.callerUniqueID, queue: QueueID(leg.queue), callerNumber: leg.callerNumber,
            callerName: leg.callerName)
        let caller = Caller(info: info, joinedAt: instant)
        callers[leg.callerUniqueID] = caller
        return caller
    }

    /// Ready, paused (in every queue they are in) or logged out (in none), from member records.
    private func idleState(of name: String) -> AgentState {
        let records = members.values.flatMap { $0.values.filter { $0.name == name } }
        guard !records.isEmpty else { return .loggedOut }
        if records.allSatisfy(\.paused) { return .paused(reason: records.first?.pausedReason ?? "") }
        return .ready
    }

    private mutating func setState(_ agent: AgentID, _ state: AgentState, into out: inout [ACDControllerEvent]) {
        guard agentStates[agent] != state else { return }
        agentStates[agent] = state
        out.append(.agentState(agent, state))
    }
}
