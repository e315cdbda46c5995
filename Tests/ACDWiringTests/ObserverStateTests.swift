import AMI
import CTICore
import Telephony
import Testing

@Suite("AppQueueObserverState: app_queue events to ACD events (pure)")
struct ObserverStateTests {
    static func event(_ name: String, _ fields: KeyValuePairs<String, String>) -> AMIMessage {
        var message = AMIMessage(["Event": name])
        for (key, value) in fields { message.append(key, value) }
        return message
    }

    static func member(_ name: String, _ interface: String, paused: Bool = false, reason: String = "", inCall: Bool = false, kind: String = "Status") -> AMIMessage {
        event("QueueMember\(kind)", [
            "Queue": "support", "MemberName": name, "Interface": interface, "Paused": paused ? "1" : "0", "PausedReason": reason,
            "InCall": inCall ? "1" : "0", "Status": "1",
        ])
    }

    @Test("a call followed from join to completion by the caller, times in seconds")
    func fullCall() {
        var state = AppQueueObserverState()
        _ = state.apply(Self.member("Alice", "PJSIP/1001", kind: "Added"), at: 0)
        #expect(state.agentStates["Alice"] == .ready)
        let joined = state.apply(Self.event("QueueCallerJoin", [
            "Uniqueid": "u1", "Queue": "support", "Position": "1", "Count": "1", "CallerIDNum": "0912", "CallerIDName": "An", "Exten": "5555",
        ]), at: 10)
        guard case .queued(let info, 1)? = joined.first else {
            Issue.record("no queued event: \(joined)")
            return
        }
        #expect(info.callerNumber == "0912" && info.callerName == "An" && info.dnis == "5555")
        let called = state.apply(Self.event("AgentCalled", ["Uniqueid": "u1", "Queue": "support", "MemberName": "Alice", "Interface": "PJSIP/1001"]), at: 14)
        #expect(called == [.offered(agent: "Alice", call: info, wait: 4), .agentState("Alice", .offered("u1"))])
        let missed = state.apply(Self.event("AgentRingNoAnswer", [
            "Uniqueid": "u1", "Queue": "support", "MemberName": "Alice", "Interface": "PJSIP/1001", "RingTime": "15000",
        ]), at: 29)
        #expect(missed == [.offerMissed(agent: "Alice", call: "u1"), .agentState("Alice", .ready)])
        _ = state.apply(Self.event("AgentCalled", ["Uniqueid": "u1", "Queue": "support", "MemberName": "Alice", "Interface": "PJSIP/1001"]), at: 31)
        let connected = state.apply(Self.event("AgentConnect", [
            "Uniqueid": "u1", "Queue": "support", "MemberName": "Alice", "Interface": "PJSIP/1001", "HoldTime": "21", "RingTime": "2",
        ]), at: 33)
        #expect(connected == [.connected("u1", agent: "Alice", bridgeID: nil, recording: nil), .agentState("Alice", .onCall("u1"))])
        #expect(state.apply(Self.event("QueueCallerLeave", ["Uniqueid": "u1", "Queue": "support"]), at: 33).isEmpty)
        #expect(state.callers["u1"]?.agent == "Alice", "an answered caller stays known after leaving the queue")
        let complete = state.apply(Self.event("AgentComplete", [
            "Uniqueid": "u1", "Queue": "support", "MemberName": "Alice", "Interface": "PJSIP/1001", "HoldTime": "21", "TalkTime": "95",
            "Reason": "caller",
        ]), at: 128)
        #expect(complete == [.ended("u1", agent: "Alice", by: .caller, talkSeconds: 95), .agentState("Alice", .ready)])
        #expect(state.callers.isEmpty)
    }

    @Test("pause, removal and unrelated events")
    func members() {
        var state = AppQueueObserverState()
        _ = state.apply(Self.member("Bob", "PJSIP/1002", kind: "Added"), at: 0)
        #expect(state.apply(Self.member("Bob", "PJSIP/1002", paused: true, reason: "lunch", kind: "Pause"), at: 1) == [.agentState("Bob", .paused(reason: "lunch"))])
        #expect(state.apply(Self.member("Bob", "PJSIP/1002", kind: "Removed"), at: 2) == [.agentState("Bob", .loggedOut)])
        #expect(state.apply(Self.event("Newchannel", ["Uniqueid": "x"]), at: 3).isEmpty)
        #expect(state.apply(Self.event("QueueCallerJoin", ["Queue": "support"]), at: 3).isEmpty, "no Uniqueid: not a usable event")
    }

    @Test("resync from QueueStatus: waiting callers with their wait, members, a connected call kept")
    func resync() {
        var state = AppQueueObserverState()
        _ = state.apply(Self.member("Alice", "PJSIP/1001", kind: "Added"), at: 0)
        _ = state.apply(Self.event("AgentConnect", ["Uniqueid": "old", "Queue": "support", "MemberName": "Alice", "Interface": "PJSIP/1001"]), at: 1)
        let items = [
            Self.event("QueueParams", ["Queue": "support"]),
            Self.event("QueueMember", ["Queue": "support", "Name": "Alice", "Location": "PJSIP/1001", "InCall": "1", "Paused": "0"]),
            Self.event("QueueMember", ["Queue": "support", "Name": "Carol", "Location": "PJSIP/1003", "Paused": "1", "PausedReason": "break"]),
            Self.event("QueueEntry", ["Queue": "support", "Position": "1", "Uniqueid": "w1", "CallerIDNum": "0988", "Wait": "42"]),
        ]
        let events = state.resync(queueStatus: items, at: 100)
        #expect(events.contains { if case .queued(let info, 1) = $0 { info.id == "w1" && info.callerNumber == "0988" } else { false } })
        #expect(events.contains(.agentState("Carol", .paused(reason: "break"))))
        #expect(state.callers["w1"]?.joinedAt == 58)
        #expect(state.callers["old"]?.agent == "Alice")
        #expect(state.agentStates["Alice"] == .onCall("old"))
        #expect(state.members["support"]?.count == 2)
        #expect(state.resync(queueStatus: [], at: 101).contains(.agentState("Alice", .loggedOut)))
    }
}
