import AMI
import CTICore
import Foundation
import Telephony
import TestSupport
import Testing

@Suite("AppQueueRecording: which app_queue calls observer mode records, and the MixMonitor it sends (pure)")
struct AppQueueRecordingTests {
    static func agentConnect(
        caller: String = "1795370466.12", queue: String = "support", member: String = "1001", channel: String? = "PJSIP/trunk-0000001a",
        agentLeg: String? = nil, timestamp: String? = nil
    ) -> AMIMessage {
        var message = AMIMessage(["Event": "AgentConnect"])
        if let timestamp { message.append("Timestamp", timestamp) }
        if let channel { message.append("Channel", channel) }
        message.append("Uniqueid", caller)
        if let agentLeg {
            message.append("DestUniqueid", agentLeg)
            message.append("DestLinkedid", caller)
        }
        message.append("Queue", queue)
        message.append("MemberName", member)
        message.append("Interface", "Local/\(member)@agents/n")
        message.append("HoldTime", "4")
        message.append("RingTime", "1")
        return message
    }

    @Test("a recorded queue: MixMonitor on the caller's Channel, file <name>.<format> in the monitor directory, only while bridged")
    func recordedQueue() throws {
        let recording = AppQueueRecording(policy: RecordingPolicy(queues: ["support": .all]))
        let start = try #require(recording.start(for: Self.agentConnect()))
        #expect(start.name == "obs-1795370466.12-1001")
        #expect(start.file == "obs-1795370466.12-1001.wav")
        let message = try start.action.message(actionID: "7")
        #expect(message["Action"] == "MixMonitor")
        #expect(message["Channel"] == "PJSIP/trunk-0000001a")
        #expect(message["File"] == "obs-1795370466.12-1001.wav")
        #expect(message["Options"] == "b")
        // Another format and options come through; no Channel header falls back to the Uniqueid.
        let other = AppQueueRecording(format: "gsm", options: "bW(1)")
        let fallback = try #require(other.start(for: Self.agentConnect(channel: nil)))
        #expect(fallback.file == "obs-1795370466.12-1001.gsm")
        let sent = try fallback.action.message(actionID: "8")
        #expect(sent["Channel"] == "1795370466.12")
        #expect(sent["Options"] == "bW(1)")
    }

    @Test("the queue's policy decides: none records nothing, unlisted queues follow the default, a percentage is stable per call")
    func policy() {
        let recording = AppQueueRecording(policy: RecordingPolicy(defaultMode: .none, queues: ["support": .all, "sales": .none, "vip": .percentage(50)]))
        #expect(recording.start(for: Self.agentConnect(queue: "support")) != nil)
        #expect(recording.start(for: Self.agentConnect(queue: "sales")) == nil)
        #expect(recording.start(for: Self.agentConnect(queue: "billing")) == nil)
        let callers = (0..<400).map { "1795370466.\($0)" }
        let picked = callers.filter { recording.start(for: Self.agentConnect(caller: $0, queue: "vip")) != nil }
        #expect(picked.count > 120 && picked.count < 280)
        #expect(picked == callers.filter { recording.start(for: Self.agentConnect(caller: $0, queue: "vip")) != nil })
        #expect(picked.allSatisfy { recording.policy.shouldRecord(callID: $0, queue: "vip") })
        // Not an Agent* event with a caller: nothing to record.
        #expect(recording.start(for: AMIMessage(["Event": "AgentConnect", "Queue": "support"])) == nil)
    }

    @Test("names are plain file names, distinct per member and per connection, whatever the Uniqueids and member name hold")
    func names() {
        #expect(AppQueueRecording.name(caller: "pbx-1/../x 1", member: "Nguyễn Văn A") == "obs-pbx-1-..-x-1-Nguy-n-V-n-A")
        #expect(AppQueueRecording.name(caller: "c1", member: "1001") != AppQueueRecording.name(caller: "c1", member: "1002"))
        #expect(!AppQueueRecording.name(caller: "a/b\\c:d", member: "e;f").contains { "/\\:;".contains($0) })
        #expect(AppQueueRecording.name(caller: "c1", member: "1001", connection: "pbx/2 3") == "obs-c1-1001-pbx-2-3")
        #expect(AppQueueRecording.name(caller: "c1", member: "1001", connection: "1.2") != AppQueueRecording.name(caller: "c1", member: "1001", connection: "1.3"))
    }

    @Test("the real Asterisk 22 AgentConnect: the agent leg's DestUniqueid makes the name (DestLinkedid is the caller's call)")
    func captureAgentConnect() throws {
        let text = String(decoding: try Fixtures.bytes("ami-queue-call.raw"), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let block = try #require(text.components(separatedBy: "\n\n").first { $0.hasPrefix("Event: AgentConnect\n") })
        var event = AMIMessage()
        for line in block.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            event.append(String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
        #expect(event["DestUniqueid"] == "1795370461.2" && event["DestLinkedid"] == event["Uniqueid"])
        let start = try #require(AppQueueRecording().start(for: event))
        #expect(start.name == "obs-cap-caller-1-Bob-1795370461.2")
        #expect(start.file == "obs-cap-caller-1-Bob-1795370461.2.wav")
        #expect(start.channel == "Local/s@customer-00000000;1")
        #expect(try start.action.message(actionID: "1")["File"] == start.file)
    }

    @Test("one caller connected to the same member twice gets two names; without DestUniqueid the event's Timestamp tells them apart")
    func sameCallerSameMemberTwice() throws {
        let recording = AppQueueRecording()
        let first = try #require(recording.start(for: Self.agentConnect(agentLeg: "1795370467.15", timestamp: "1795370468.000100")))
        let second = try #require(recording.start(for: Self.agentConnect(agentLeg: "1795370490.21", timestamp: "1795370491.000200")))
        #expect(first.name == "obs-1795370466.12-1001-1795370467.15")
        #expect(second.name == "obs-1795370466.12-1001-1795370490.21")
        // No agent leg in the event: the Timestamp, which differs per event.
        let stamped = try #require(recording.start(for: Self.agentConnect(timestamp: "1795370468.000100")))
        let later = try #require(recording.start(for: Self.agentConnect(timestamp: "1795370491.000200")))
        #expect(stamped.name == "obs-1795370466.12-1001-t1795370468.000100")
        #expect(stamped.name != later.name)
        // Neither: the caller and member alone.
        #expect(recording.start(for: Self.agentConnect())?.name == "obs-1795370466.12-1001")
        // The same event always gives the same name.
        #expect(recording.start(for: Self.agentConnect(agentLeg: "1795370467.15"))?.name == first.name)
    }
}
