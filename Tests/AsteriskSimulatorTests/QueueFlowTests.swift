import AMI
import AsteriskSimulator
import Testing

@Suite("app_queue paths beyond the capture (pure PBX)")
struct QueueFlowTests {
    static func request(_ id: String) -> OriginateRequest {
        var request = CaptureScenario.originateRequest()
        request.channelID = id
        request.otherChannelID = id + "-far"
        return request
    }

    static func pbx(ringSeconds: Double, noAnswer: Double = 0, pausing interfaces: [String] = []) -> SimulatedPBX {
        var pbx = CaptureScenario.pbx()
        pbx.settings.agents = AgentBehaviour(ringSeconds: ringSeconds...ringSeconds, noAnswerProbability: noAnswer)
        for interface in interfaces { try? pbx.pauseMember(interface: interface, paused: true, queue: "support") }
        _ = pbx.drainEvents()
        return pbx
    }

    @Test("a waiting caller hung up by the manager abandons: QueueCallerAbandon, leave, hang-up")
    func abandon() throws {
        var pbx = Self.pbx(ringSeconds: 1, pausing: ["Local/1001@agents/n", "Local/1002@agents/n"])
        pbx.originate(Self.request("a"))
        _ = CaptureScenario.run(&pbx, seconds: 7)
        #expect(pbx.queueStatusItems(queue: "support", member: nil, actionID: nil).contains { $0["Uniqueid"] == "a" && $0["Wait"] == "7" })
        pbx.hangup("a")
        let events = pbx.drainEvents()
        let names = CaptureScenario.comparable(events)
        #expect(names == ["SoftHangupRequest", "MusicOnHoldStop", "QueueCallerAbandon", "QueueCallerLeave", "Hangup", "SoftHangupRequest", "Hangup"])
        let abandon = try #require(events.first { $0.isEvent(named: "QueueCallerAbandon") })
        #expect(abandon["Position"] == "1" && abandon["OriginalPosition"] == "1" && abandon["HoldTime"] == "7")
        #expect(events.first { $0.isEvent(named: "QueueCallerLeave") }?["Count"] == "0")
        #expect(pbx.queues["support"]?.abandoned == 1 && pbx.channels.isEmpty)
    }

    @Test("when a ringing caller gives up, the member is offered to the next caller at once")
    func freedMemberIsReoffered() throws {
        var pbx = Self.pbx(ringSeconds: 10, pausing: ["Local/1002@agents/n"])
        pbx.originate(Self.request("a"))
        pbx.originate(Self.request("b"))
        _ = CaptureScenario.run(&pbx, seconds: 1)
        #expect(pbx.calls["a"]?.phase == .ringing && pbx.calls["b"]?.phase == .waiting)
        pbx.hangup("a")
        pbx.advance(to: pbx.now)
        let events = pbx.drainEvents()
        #expect(events.contains { $0.isEvent(named: "DialEnd") && $0["DialStatus"] == "CANCEL" && $0["Uniqueid"] == "a" })
        let called = try #require(events.first { $0.isEvent(named: "AgentCalled") })
        #expect(called["Uniqueid"] == "b" && called["MemberName"] == "Alice")
        let join = events.first { $0.isEvent(named: "QueueCallerAbandon") }
        #expect(join?["Position"] == "1" && join?["OriginalPosition"] == "1")
    }

    @Test("an offer that rings out reports RingTime in ms; after `retry` the next member is rung")
    func ringNoAnswer() throws {
        var pbx = Self.pbx(ringSeconds: 1, noAnswer: 1)
        pbx.originate(Self.request("a"))
        let events = CaptureScenario.run(&pbx, seconds: 18)
        let missed = try #require(events.first { $0.isEvent(named: "AgentRingNoAnswer") })
        #expect(missed["RingTime"] == "15000" && missed["MemberName"] == "Alice")
        let end = try #require(events.first { $0.isEvent(named: "DialEnd") && $0["Uniqueid"] == "a" })
        #expect(end["DialStatus"] == "NOANSWER")
        let offers = events.filter { $0.isEvent(named: "AgentCalled") }
        #expect(offers.compactMap { $0["MemberName"] } == ["Alice", "Bob"])
        let first = try #require(offers.first?["Timestamp"].flatMap { Double($0) })
        let second = try #require(offers.last?["Timestamp"].flatMap { Double($0) })
        #expect((second - first).rounded() == 17)
    }

    @Test("an agent who hangs up ends the call with Reason agent; the caller's dialplan hangs up")
    func agentHangsUp() throws {
        var pbx = Self.pbx(ringSeconds: 1)
        pbx.originate(Self.request("a"))
        _ = CaptureScenario.run(&pbx, seconds: 30)
        let agentLeg = try #require(pbx.calls["a"]?.agentLeg)
        let far = try #require(pbx.channels[agentLeg]?.partnerID)
        pbx.hangup(far)
        let events = pbx.drainEvents()
        let complete = try #require(events.first { $0.isEvent(named: "AgentComplete") })
        #expect(complete["Reason"] == "agent" && complete["TalkTime"] == "29" && complete["HoldTime"] == "1")
        #expect(events.contains { $0.isEvent(named: "Newexten") && $0["Uniqueid"] == "a" && $0["Application"] == "Hangup" })
        #expect(events.filter { $0.isEvent(named: "Hangup") }.count == 4)
        #expect(pbx.channels.isEmpty)
        // Wrap-up: the member takes no call for `wrapuptime` (2 s).
        #expect(pbx.queues["support"]?.members.first { $0.name == "Alice" }?.isAvailable(at: pbx.now) == false)
        #expect(pbx.queues["support"]?.members.first { $0.name == "Alice" }?.isAvailable(at: pbx.now + .seconds(2)) == true)
    }

    @Test("a member's phone that hangs up while ringing counts as busy and the caller waits on")
    func memberRejects() throws {
        var pbx = Self.pbx(ringSeconds: 10, pausing: ["Local/1002@agents/n"])
        pbx.originate(Self.request("a"))
        _ = CaptureScenario.run(&pbx, seconds: 1)
        let agentLeg = try #require(pbx.calls["a"]?.agentLeg)
        pbx.hangup(agentLeg)
        let events = pbx.drainEvents()
        #expect(events.first { $0.isEvent(named: "DialEnd") }?["DialStatus"] == "BUSY")
        #expect(events.contains { $0.isEvent(named: "AgentRingNoAnswer") })
        #expect(pbx.calls["a"]?.phase == .waiting && pbx.channels.count == 2)
    }

    @Test("Originate to a dialplan location that is no queue parks the channel; Hangup of it is plain")
    func plainChannels() throws {
        var pbx = Self.pbx(ringSeconds: 1)
        var request = OriginateRequest(channel: "Local/100@test")
        request.context = "default"
        request.exten = "100"
        guard case .answered(let channel, let id) = pbx.originate(request) else {
            Issue.record("not answered")
            return
        }
        #expect(channel == "Local/100@test-00000000;1" && id == "\(WallTime.captureEpoch.seconds).0")
        #expect(pbx.channels[id]?.application == "Wait" && pbx.channels[id]?.context == "default")
        _ = pbx.drainEvents()
        pbx.hangup(channel, cause: 17)
        let events = pbx.drainEvents()
        #expect(CaptureScenario.comparable(events) == ["SoftHangupRequest", "SoftHangupRequest", "Hangup", "Hangup"])
        #expect(events.last?["Cause-txt"] == "User busy")
        #expect(pbx.runCommand("core show channels").output.suffix(3) == ["0 active channels", "0 active calls", "1 call processed"])
    }
}

@Suite("members dialled on phones (not Local channels)")
struct PhoneMemberTests {
    @Test("a phone member rings (Status 6), is in use once answered (Status 2), and free after the call")
    func phoneMember() throws {
        var pbx = SimulatedPBX(
            bootTime: .captureEpoch, queues: [SimQueue(name: "support", members: [SimQueueMember(name: "Zoe", interface: "PJSIP/1009")])])
        pbx.settings.agents = AgentBehaviour(ringSeconds: 2...2, noAnswerProbability: 0)
        pbx.setTime(.captureEpoch)
        pbx.originate(QueueFlowTests.request("a"))
        let events = CaptureScenario.run(&pbx, seconds: 5)
        let statuses = events.filter { $0.isEvent(named: "QueueMemberStatus") }.compactMap { $0["Status"] }
        #expect(statuses == ["6", "2"])
        let called = try #require(events.first { $0.isEvent(named: "AgentCalled") })
        #expect(called["DestChannel"]?.hasPrefix("PJSIP/1009-") == true && called["Interface"] == "PJSIP/1009")
        #expect(!events.contains { $0.isEvent(named: "LocalBridge") && $0["LocalOneChannel"]?.hasPrefix("PJSIP") == true })
        pbx.hangup("a")
        let ending = pbx.drainEvents()
        #expect(ending.last?["Status"] == "1" && ending.last?["CallsTaken"] == "1")
        #expect(pbx.channels.isEmpty)
    }
}
