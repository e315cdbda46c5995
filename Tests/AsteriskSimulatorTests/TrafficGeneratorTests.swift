import AMI
import NIOCore
import AsteriskSimulator
import Testing

@Suite("traffic generator (pure, virtual time)")
struct TrafficGeneratorTests {
    @Test("the same seed gives the same events; another seed does not")
    func deterministic() {
        let a = TrafficGenerator.events(forCalls: 60, seed: 7)
        let b = TrafficGenerator.events(forCalls: 60, seed: 7)
        let c = TrafficGenerator.events(forCalls: 60, seed: 8)
        #expect(a == b)
        #expect(a != c)
        #expect(a.count > 60 * 40)
    }

    @Test("every event has the header names, in order, of the capture's events of that name")
    func shapesMatchCapture() throws {
        let capture = try CaptureShapes.eventShapes()
        var profile = TrafficProfile(callsPerSecond: 1)
        profile.agents.noAnswerProbability = 0.3
        var generator = TrafficGenerator(pbx: TrafficGenerator.site(for: profile), profile: profile, seed: 3, callLimit: 150)
        var compared = Set<String>()
        for event in generator.runToCompletion() {
            let name = try #require(event.eventName)
            guard let shapes = capture[name] else { continue }
            #expect(shapes.contains(CaptureShapes.names(event)), "\(name): \(CaptureShapes.names(event))")
            compared.insert(name)
        }
        for name in ["Newchannel", "Newstate", "Newexten", "VarSet", "NewCallerid", "NewConnectedLine", "LocalBridge",
                     "QueueCallerJoin", "QueueCallerLeave", "MusicOnHoldStart", "MusicOnHoldStop", "AgentCalled",
                     "DialBegin", "DialState", "DialEnd", "AgentConnect", "BridgeCreate", "BridgeEnter", "BridgeLeave",
                     "BridgeDestroy", "AgentComplete", "HangupRequest", "SoftHangupRequest", "Hangup", "QueueMemberStatus",
                     "DeviceStateChange"] {
            #expect(compared.contains(name), "\(name) not generated")
        }
    }

    @Test("abandons and ring-no-answers have Asterisk's fields: channel block, then their own")
    func eventsNotInTheCapture() throws {
        let capture = try CaptureShapes.eventShapes()
        let block = try #require(capture["Newchannel"]?.first).dropFirst(3)
        let pair = try #require(capture["AgentCalled"]?.first).dropLast(3)
        var profile = TrafficProfile(callsPerSecond: 3)
        profile.agents.noAnswerProbability = 0.5
        profile.meanPatienceSeconds = 10
        var generator = TrafficGenerator(pbx: .demo(bootTime: .captureEpoch), profile: profile, seed: 5, callLimit: 100)
        let events = generator.runToCompletion()
        let abandon = try #require(events.first { $0.isEvent(named: "QueueCallerAbandon") })
        #expect(CaptureShapes.names(abandon) == ["Event", "Privilege", "Timestamp"] + block + ["Queue", "Position", "OriginalPosition", "HoldTime"])
        let noAnswer = try #require(events.first { $0.isEvent(named: "AgentRingNoAnswer") })
        #expect(CaptureShapes.names(noAnswer) == Array(pair) + ["Queue", "Interface", "MemberName", "RingTime"])
        #expect(noAnswer.rawValue("Privilege") == "agent,all")
    }

    @Test("every call ends: answered ones with AgentComplete, the others abandoned; every channel hangs up")
    func lifecycles() throws {
        var profile = TrafficProfile(callsPerSecond: 2)
        profile.agents.noAnswerProbability = 0.2
        var generator = TrafficGenerator(pbx: TrafficGenerator.site(for: profile), profile: profile, seed: 11, callLimit: 300)
        let events = generator.runToCompletion()
        let count = { (name: String) in events.filter { $0.isEvent(named: name) }.count }
        #expect(count("QueueCallerJoin") == 300)
        #expect(count("AgentComplete") + count("QueueCallerAbandon") == 300)
        #expect(count("AgentComplete") > 250)
        #expect(count("AgentRingNoAnswer") > 0)
        #expect(count("Newchannel") == count("Hangup"))
        #expect(count("BridgeCreate") == count("BridgeDestroy"))
        let reasons = Set(events.filter { $0.isEvent(named: "AgentComplete") }.compactMap { $0["Reason"] })
        #expect(reasons == ["caller", "agent"])
        #expect(generator.pbx.channels.isEmpty && generator.pbx.calls.isEmpty && generator.pbx.bridges.isEmpty)
        #expect(generator.pbx.queues["support"]?.completed ?? 0 > 0)
    }

    @Test("RingTime is milliseconds on AgentRingNoAnswer and seconds on AgentConnect")
    func ringTimeUnits() throws {
        var profile = TrafficProfile(callsPerSecond: 0.5)
        profile.agents = AgentBehaviour(ringSeconds: 3...3, noAnswerProbability: 0.5)
        var generator = TrafficGenerator(pbx: TrafficGenerator.site(for: profile), profile: profile, seed: 2, callLimit: 40)
        let events = generator.runToCompletion()
        let noAnswer = events.filter { $0.isEvent(named: "AgentRingNoAnswer") }.compactMap { $0["RingTime"] }
        #expect(!noAnswer.isEmpty && noAnswer.allSatisfy { $0 == "15000" })
        let connect = events.filter { $0.isEvent(named: "AgentConnect") }.compactMap { $0["RingTime"] }
        #expect(!connect.isEmpty && connect.allSatisfy { $0 == "3" })
    }

    @Test("ids, timestamps and Linkedid look like Asterisk's")
    func identifiers() throws {
        let events = TrafficGenerator.events(forCalls: 80, seed: 9)
        var last = ""
        for event in events {
            let stamp = try #require(event.rawValue("Timestamp"))
            let parts = stamp.split(separator: ".")
            #expect(parts.count == 2 && parts[1].count == 6 && parts[0].count == 10)
            #expect(stamp > last, "timestamps must increase")
            last = stamp
            if let id = event["Uniqueid"] {
                let pieces = id.split(separator: ".")
                #expect(pieces.count == 2 && pieces.allSatisfy { $0.allSatisfy(\.isNumber) })
            }
        }
        // Agent legs carry the caller's uniqueid as Linkedid.
        for called in events.filter({ $0.isEvent(named: "AgentCalled") }) {
            #expect(called["DestLinkedid"] == called["Uniqueid"])
        }
        let first = try #require(events.first { $0.isEvent(named: "Newchannel") })
        #expect(first["Channel"]?.hasPrefix("PJSIP/trunk-provider-0000000") == true)
    }

    @Test("caller names that need it are C-escaped on the wire and read back intact")
    func escaping() throws {
        let events = TrafficGenerator.events(forCalls: 200, seed: 5)
        let escaped = try #require(events.first { ($0.rawValue("CallerIDName") ?? "").contains("\\\"") })
        let raw = try #require(escaped.rawValue("CallerIDName"))
        let name = try #require(escaped["CallerIDName"])
        #expect(raw == AMIMessage.escapeValue(name))
        #expect(name.contains("\""))
        #expect(events.contains { $0["CallerIDName"] == "<unknown>" })
    }

    @Test("mid-run, the channel list holds exactly the channels announced and not yet hung up")
    func listsFollowTheEvents() {
        var generator = TrafficGenerator(pbx: .demo(bootTime: .captureEpoch), profile: TrafficProfile(callsPerSecond: 1), seed: 4)
        var open = Set<String>()
        for minute in 1...5 {
            for event in generator.advance(to: WallTime.captureEpoch + .seconds(60 * minute)) {
                if event.isEvent(named: "Newchannel"), let id = event["Uniqueid"] { open.insert(id) }
                if event.isEvent(named: "Hangup"), let id = event["Uniqueid"] { open.remove(id) }
            }
            let listed = Set(generator.pbx.coreShowChannelItems(actionID: nil).compactMap { $0["Uniqueid"] })
            #expect(listed == open)
            let waiting = generator.pbx.queueStatusItems(queue: nil, member: nil, actionID: nil).filter { $0.isEvent(named: "QueueEntry") }.count
            #expect(waiting == generator.pbx.calls.values.filter { $0.phase != .connected }.count)
        }
    }
}

@Suite("traffic generator as a benchmark source")
struct TrafficStreamTests {
    @Test("a session byte stream decodes back into the generated events")
    func sessionBytes() throws {
        let bytes = TrafficGenerator.sessionBytes(forCalls: 20, seed: 1)
        var decoder = AMIFrameDecoder()
        var buffer = ByteBuffer(bytes: bytes)
        var frames: [AMIFrame] = []
        while let frame = try decoder.decode(buffer: &buffer) { frames.append(frame) }
        #expect(frames.first == .greeting(version: "11.0.0"))
        let events = frames.compactMap { frame -> AMIMessage? in
            if case .message(let message) = frame, message.isEvent { return message }
            return nil
        }
        #expect(events == TrafficGenerator.events(forCalls: 20, seed: 1))
    }

    @Test("thousands of calls are generated quickly")
    func volume() {
        let start = ContinuousClock.now
        let events = TrafficGenerator.events(forCalls: 1_000, seed: 3, callsPerSecond: 5)
        #expect(events.count > 1_000 * 50)
        #expect(ContinuousClock.now - start < .seconds(30))
    }
}
