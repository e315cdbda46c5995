import AMI
import AsteriskSimulator
import Testing

@Suite("the captured queue call, replayed on the pure PBX")
struct CaptureReplayTests {
    @Test("Originate raises the capture's events, in its order, with its values")
    func originate() throws {
        var pbx = CaptureScenario.pbx()
        pbx.originate(CaptureScenario.originateRequest())
        let events = pbx.drainEvents()
        let capture = try CaptureScenario.captureWindow(after: "orig-1") { $0.isEvent(named: "Newchannel") && $0["Linkedid"] == "cap-caller-1" && $0["Uniqueid"] != "cap-caller-1" && $0["Uniqueid"] != "cap-caller-2" }
        #expect(capture.count == 31)
        let joined = try #require(events.firstIndex { $0.isEvent(named: "MusicOnHoldStart") })
        #expect(CaptureScenario.comparable(Array(events[...joined])) == CaptureScenario.comparable(capture))

        // Up to the answer, the events are the captured ones but for the timestamp (the far half's two
        // variables may come in another order).
        let dialEnd = try #require(events.firstIndex { $0.isEvent(named: "DialEnd") })
        let captured = Set(capture.filter { $0.eventName != "DeviceStateChange" }.map(CaptureScenario.withoutTimestamp))
        for event in events[...dialEnd] {
            #expect(captured.contains(CaptureScenario.withoutTimestamp(event)), "\(event)")
        }
        let response = try #require(events.first { $0.isEvent(named: "OriginateResponse") })
        let capturedResponse = try #require(capture.first { $0.isEvent(named: "OriginateResponse") })
        #expect(CaptureScenario.withoutTimestamp(response) == CaptureScenario.withoutTimestamp(capturedResponse))
    }

    @Test("the agent is rung, answers and is bridged as in the capture; Linkedid is the caller's")
    func ringAndAnswer() throws {
        var pbx = CaptureScenario.pbx()
        pbx.originate(CaptureScenario.originateRequest())
        _ = pbx.drainEvents()
        let events = CaptureScenario.run(&pbx, seconds: 5)
        let capture = try CaptureScenario.captureWindow(after: "orig-1") { $0.actionID == "mm-1" }
        let captureAfterJoin = Array(capture.drop { !$0.isEvent(named: "MusicOnHoldStart") }.dropFirst())
        #expect(captureAfterJoin.count > 30)
        #expect(CaptureScenario.comparable(events) == CaptureScenario.comparable(captureAfterJoin))

        let called = try #require(events.first { $0.isEvent(named: "AgentCalled") })
        #expect(called["Queue"] == "support" && called["MemberName"] == "Alice" && called["Interface"] == "Local/1001@agents/n")
        #expect(called["DestChannel"] == "Local/1001@agents-00000001;1")
        #expect(called["DestUniqueid"] == "\(WallTime.captureEpoch.seconds).2")
        #expect(events.filter { $0.isEvent(named: "Newchannel") }.allSatisfy { $0["Linkedid"] == "cap-caller-1" })
        let connect = try #require(events.first { $0.isEvent(named: "AgentConnect") })
        #expect(connect["HoldTime"] == "1" && connect["RingTime"] == "1")
        #expect(pbx.calls["cap-caller-1"]?.phase == .connected)
    }

    @Test("Hangup of the caller by uniqueid ends the call as in the capture: AgentComplete, then every leg")
    func hangup() throws {
        var pbx = CaptureScenario.pbx()
        pbx.originate(CaptureScenario.originateRequest())
        _ = CaptureScenario.run(&pbx, seconds: 22)
        let hungUp = pbx.hangup("cap-caller-1")
        #expect(hungUp)
        let events = pbx.drainEvents()
        let capture = try CaptureScenario.captureWindow(after: "hu-1") { $0.response == "Goodbye" }
        #expect(capture.count == 25)
        #expect(CaptureScenario.comparable(events) == CaptureScenario.comparable(capture))
        let complete = try #require(events.first { $0.isEvent(named: "AgentComplete") })
        #expect(complete["Reason"] == "caller" && complete["HoldTime"] == "1" && complete["TalkTime"] == "21")
        let status = try #require(events.last)
        #expect(status.isEvent(named: "QueueMemberStatus") && status["CallsTaken"] == "1" && status["Status"] == "1")
        #expect(pbx.channels.isEmpty && pbx.bridges.isEmpty && pbx.calls.isEmpty)
        let again = pbx.hangup("cap-caller-1")
        #expect(!again)
    }

    @Test("QueueAdd, QueuePause and QueueRemove raise the capture's events with its values")
    func queueMembers() throws {
        var pbx = CaptureScenario.pbx()
        pbx.setTime(WallTime(seconds: 1_795_370_459, microseconds: 873_400))
        var carol = SimQueueMember(name: "Carol", interface: "Local/1003@agents/n", stateInterface: "Local/1003@agents", membership: "dynamic", penalty: 1, loginTime: 1_795_370_459)
        carol.paused = false
        try pbx.addMember(carol, queue: "support")
        let added = pbx.drainEvents()
        pbx.setTime(WallTime(seconds: 1_795_370_460, microseconds: 480_000))
        try pbx.pauseMember(interface: "Local/1003@agents/n", paused: true, reason: "lunch", queue: "support")
        let paused = pbx.drainEvents()
        pbx.setTime(WallTime(seconds: 1_795_370_480, microseconds: 370_000))
        try pbx.pauseMember(interface: "Local/1003@agents/n", paused: false, queue: "support")
        let unpaused = pbx.drainEvents()
        try pbx.removeMember(interface: "Local/1003@agents/n", queue: "support")
        let removed = pbx.drainEvents()

        func window(_ id: String) throws -> [[AMIHeader]] {
            try CaptureScenario.captureWindow(after: id) { !$0.isEvent }.map(CaptureScenario.withoutTimestamp)
        }
        #expect(added.map(CaptureScenario.withoutTimestamp) == (try window("qa-1")))
        #expect(paused.map(CaptureScenario.withoutTimestamp) == (try window("qp-1")))
        #expect(unpaused.map(CaptureScenario.withoutTimestamp) == (try window("qp-2")))
        #expect(removed.map(CaptureScenario.withoutTimestamp) == (try window("qr-1")))

        func refusal(_ change: (inout SimulatedPBX) throws(QueueMemberError) -> Void) -> QueueMemberError? {
            do {
                try change(&pbx)
                return nil
            } catch {
                return error
            }
        }
        let refusals = [
            refusal { (pbx: inout SimulatedPBX) throws(QueueMemberError) in try pbx.removeMember(interface: "Local/1001@agents/n", queue: "support") },
            refusal { (pbx: inout SimulatedPBX) throws(QueueMemberError) in try pbx.addMember(carol, queue: "nope") },
            refusal { (pbx: inout SimulatedPBX) throws(QueueMemberError) in
                try pbx.addMember(SimQueueMember(name: "A", interface: "local/1001@agents/n"), queue: "support")
            },
            refusal { (pbx: inout SimulatedPBX) throws(QueueMemberError) in try pbx.removeMember(interface: "Local/1003@agents/n", queue: "support") },
            refusal { (pbx: inout SimulatedPBX) throws(QueueMemberError) in try pbx.pauseMember(interface: "Local/9@x", paused: true) },
        ]
        #expect(refusals == [.notDynamic, .noSuchQueue, .alreadyThere, .notThere, .interfaceNotFound])
    }

    @Test("list items of a call in progress have the capture's header names and order")
    func lists() throws {
        var pbx = CaptureScenario.pbx()
        pbx.originate(CaptureScenario.originateRequest())
        _ = CaptureScenario.run(&pbx, seconds: 9)
        let shapes = try CaptureShapes.eventShapes()
        let channels = pbx.coreShowChannelItems(actionID: "csc-1")
        #expect(channels.count == 4)
        let status = try #require(pbx.statusItems(channel: nil, actionID: "st-1"))
        let queue = pbx.queueStatusItems(queue: nil, member: nil, actionID: "qs-1")
        let summary = pbx.queueSummaryItems(queue: "support", actionID: "qsum-1")
        for item in channels + status + queue + summary {
            let name = try #require(item.eventName)
            #expect(shapes[name]?.contains(CaptureShapes.names(item)) == true, "\(name): \(CaptureShapes.names(item))")
        }
        let caller = try #require(channels.first { $0["Uniqueid"] == "cap-caller-1" })
        #expect(caller["Application"] == "Queue" && caller["ApplicationData"] == "support,,,,120" && caller["Duration"] == "00:00:09")
        #expect(caller["BridgeId"] == pbx.calls["cap-caller-1"]?.bridgeID)
        #expect(queue.first { $0["Name"] == "Alice" }?["InCall"] == "1")
        #expect(summary.first?["Available"] == "1" && summary.first?["LoggedIn"] == "2")
        #expect(pbx.statusItems(channel: "nope", actionID: nil) == nil)
    }
}
