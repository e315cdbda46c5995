import AMI
import AsteriskSimulator
import Testing

@Suite("traffic generator (pure, virtual time)")
struct TrafficGeneratorTests {
    @Test("the same seed gives the same events; another seed does not")
    func deterministic() {
        let a = TrafficGenerator.events(forCalls: 50, seed: 7)
        let b = TrafficGenerator.events(forCalls: 50, seed: 7)
        let c = TrafficGenerator.events(forCalls: 50, seed: 8)
        #expect(a == b)
        #expect(a != c)
        #expect(a.count > 50 * 15)
    }

    @Test("every event shares its header names and order with the capture's event of that name")
    func shapesMatchCapture() throws {
        let capture = try CaptureShapes.eventShapes()
        let generated = TrafficGenerator.events(forCalls: 200, seed: 3)
        var compared = Set<String>()
        for event in generated {
            let name = try #require(event.eventName)
            guard let shapes = capture[name] else { continue }
            #expect(shapes.contains(CaptureShapes.names(event)), "\(name): \(CaptureShapes.names(event))")
            compared.insert(name)
        }
        // The contact-centre events all appear in both.
        for name in ["Newchannel", "Newstate", "Newexten", "VarSet", "QueueCallerJoin", "QueueCallerLeave", "AgentCalled",
                     "DialBegin", "DialState", "DialEnd", "AgentConnect", "BridgeCreate", "BridgeEnter", "BridgeLeave",
                     "BridgeDestroy", "AgentComplete", "HangupRequest", "Hangup", "QueueMemberStatus", "MusicOnHoldStart",
                     "MusicOnHoldStop", "NewConnectedLine"] {
            #expect(compared.contains(name), "\(name) not generated")
        }
    }

    @Test("calls are answered, some abandoned, some ring out; every channel hangs up in the end")
    func lifecycles() {
        let events = TrafficGenerator.events(forCalls: 400, seed: 11, callsPerSecond: 0.2)
        let count = { (name: String) in events.filter { $0.isEvent(named: name) }.count }
        #expect(count("QueueCallerJoin") == 400)
        #expect(count("AgentComplete") + count("QueueCallerAbandon") == 400)
        #expect(count("AgentRingNoAnswer") > 0)
        #expect(count("Newchannel") == count("Hangup"))
        // RingTime is milliseconds on AgentRingNoAnswer, seconds on AgentConnect.
        let rna = events.first { $0.isEvent(named: "AgentRingNoAnswer") }
        #expect((rna?["RingTime"]).flatMap { Int($0) }.map { $0 >= 1000 } == true)
        let connect = events.first { $0.isEvent(named: "AgentConnect") }
        #expect((connect?["RingTime"]).flatMap { Int($0) }.map { $0 < 60 } == true)
        // Linkedid of the agent leg is the caller's.
        let called = events.first { $0.isEvent(named: "AgentCalled") }
        #expect(called?["DestLinkedid"] == called?["Uniqueid"])
    }

    @Test("names needing escapes are C-escaped on the wire and read back intact")
    func escaping() {
        let events = TrafficGenerator.events(forCalls: 300, seed: 5)
        let escaped = events.first { ($0.rawValue("CallerIDName") ?? "").contains("\\\"") }
        #expect(escaped?["CallerIDName"] == "O'Neil \"Jr\"")
    }
}
