import AMI
import AsteriskSimulator
import CTIApp
import CTICore
import CTIDemo
import CTIServer
import Foundation
import Logging
import NIOHTTP1
import ServiceLifecycle
import Storage
import Synchronization
import Telephony
import TestSupport
import Testing

/// Observer mode records what app_queue connects: MixMonitor on the caller's channel when the
/// queue's policy says so, the file in the monitor directory, the index row, the pop's recording,
/// the audio route and the QA work list.
extension ObserverModeTests {
    @Test("a call app_queue connects in a recorded queue gets a MixMonitor file, an index row and a recording on its pop; a queue with policy none is not recorded")
    func appQueueCallsAreRecordedByPolicy() async throws {
        try await ObserverSite.run(Self.recordingSite()) { site in
            let customer = try #require(try await site.store.customers.lookup(phoneNumber: "0912345678").first)
            let agent = try await site.client.login("1001")
            let named = Kept<String>()
            try await site.client.agentSocket(token: agent) { socket in
                #expect(try await socket.welcome().agentID == "1001")
                site.call("obs-r1", context: "queue-in", from: "\"Tran Thi B\" <0912345678>")
                guard case .connected(let connected) = try await socket.pop("connected", call: "obs-r1") else { return }
                // Named for this connection: the caller, the member and the agent leg app_queue dialled (AgentConnect's DestUniqueid).
                let leg = try #require(site.simulator.pbx.calls["obs-r1"]?.agentLeg)
                let expected = AppQueueRecording.name(caller: "obs-r1", member: "1001", connection: leg)
                #expect(expected == "obs-obs-r1-1001-\(leg)")
                #expect(connected.recordingID == expected)
                named.set(expected)
                let file = site.monitor.appendingPathComponent("\(expected).wav")
                // The MixMonitor reached app_queue's Asterisk before the pop: the caller's channel records into the monitor directory.
                #expect(site.simulator.pbx.channels["obs-r1"]?.mixMonitorFile == file.path)
                #expect(site.hangUp("obs-r1"))
                _ = try await socket.pop("callEnded", call: "obs-r1")

                // Sales records nothing: no MixMonitor, no recording on the pop.
                site.call("obs-r2", context: "sales-in", from: "\"Le Van C\" <+84903111222>")
                guard case .connected(let unrecorded) = try await socket.pop("connected", call: "obs-r2") else { return }
                #expect(unrecorded.recordingID == nil)
                #expect(site.simulator.pbx.channels["obs-r2"].map { $0.mixMonitorFile == nil } == true)
                #expect(site.hangUp("obs-r2"))
                _ = try await socket.pop("callEnded", call: "obs-r2")
            }

            let expected = try #require(named.value)
            let file = site.monitor.appendingPathComponent("\(expected).wav")
            // Asterisk closed the file at hang-up: a real WAV in the monitor directory.
            #expect(await poll { FileManager.default.fileExists(atPath: file.path) })
            let bytes = try Data(contentsOf: file)
            #expect(bytes.count > 44 && bytes.prefix(4) == Data("RIFF".utf8))

            // Indexed like a controller-mode recording: call, agent, queue, customer, start, duration, format, file.
            #expect(try await poll { try await site.store.recordings.find(callID: "obs-r1") != nil })
            let entry = try await site.store.recordings.get(id: expected)
            #expect(entry.callID == "obs-r1")
            #expect(entry.agentID == "1001")
            #expect(entry.queue == "support")
            #expect(entry.customerID == customer.id)
            #expect(entry.callerNumber == "0912345678")
            #expect(entry.format == "wav")
            #expect(entry.location == "\(expected).wav")
            #expect(entry.durationSeconds >= 0 && entry.durationSeconds < 60)
            #expect(abs(entry.startedAt.timeIntervalSinceNow) < 120)
            #expect(try await poll { try await site.store.interactions.find(callID: "obs-r1")?.recordingReference == expected })

            // The unrecorded call is stored, but has no recording.
            #expect(try await poll { try await site.store.interactions.find(callID: "obs-r2") != nil })
            #expect(try await site.store.interactions.find(callID: "obs-r2")?.recordingReference == nil)
            #expect(try await site.store.recordings.find(callID: "obs-r2") == nil)
            let files = try FileManager.default.contentsOfDirectory(atPath: site.monitor.path)
            #expect(files == ["\(expected).wav"])

            // Played back from the monitor directory; another agent may not.
            let supervisor = try await site.client.login("supervisor")
            let audio = try await site.client.request(.GET, "/api/recordings/\(expected)/audio", token: supervisor)
            #expect(audio.status == 200)
            #expect(audio.body == bytes)
            #expect(try await site.client.request(.GET, "/api/recordings/\(expected)/audio", token: site.client.login("1002")).status == 403)

            // On the QA work list, so the QA page has it to score.
            let admin = try await site.client.login("admin")
            let list = try await site.client.request(.GET, "/api/qa/worklist", token: admin)
            #expect(list.status == 200, "\(String(decoding: list.body, as: UTF8.self))")
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let items = try decoder.decode([QAWorkListItem].self, from: list.body)
            let item = try #require(items.first { $0.callID == "obs-r1" })
            #expect(item.recordingID == expected)
            #expect(item.agentID == "1001")
            #expect(item.queue == "support")
            #expect(!items.contains { $0.callID == "obs-r2" })
        }
    }

    @Test("a MixMonitor that Asterisk refuses (no system write class) is logged; the call still pops, connects, ends and is stored, unrecorded")
    func refusedMixMonitorIsSurvived() async throws {
        let lines = LogLines()
        try await ObserverSite.run(Self.recordingSite(write: [.call, .originate, .agent, .reporting], log: lines)) { site in
            let agent = try await site.client.login("1001")
            try await site.client.agentSocket(token: agent) { socket in
                #expect(try await socket.welcome().agentID == "1001")
                site.call("obs-x1", context: "queue-in", from: "\"Tran Thi B\" <0912345678>")
                _ = try await socket.pop("offer", call: "obs-x1")
                guard case .connected(let connected) = try await socket.pop("connected", call: "obs-x1") else { return }
                #expect(connected.recordingID == nil)
                #expect(site.simulator.pbx.channels["obs-x1"].map { $0.mixMonitorFile == nil } == true)
                #expect(site.hangUp("obs-x1"))
                _ = try await socket.pop("callEnded", call: "obs-x1")
            }
            #expect(try await poll { try await site.store.interactions.find(callID: "obs-x1") != nil })
            let stored = try await site.store.interactions.find(callID: "obs-x1")
            #expect(stored?.agent == "1001" && stored?.recordingReference == nil)
            #expect(try await site.store.recordings.find(callID: "obs-x1") == nil)
            #expect(try FileManager.default.contentsOfDirectory(atPath: site.monitor.path).isEmpty)
            let warning = lines.all.first { $0.contains("MixMonitor failed") }
            #expect(warning?.contains("obs-obs-x1-1001") == true, "\(lines.all)")
            #expect(warning?.contains("Permission denied") == true, "\(lines.all)")
        }
    }

    @Test("the same caller connected to the same member twice (sent back to the queue) gets two recordings: two names, two files, two index rows")
    func sameCallerTwiceIsRecordedTwice() async throws {
        var options = Self.recordingSite()
        options.queues = [ObserverSite.SimQueueSpec("support", members: ["1001"])]
        try await ObserverSite.run(options) { site in
            let agent = try await site.client.login("1001")
            let named = Kept<[String]>()
            try await site.client.agentSocket(token: agent) { socket in
                #expect(try await socket.welcome().agentID == "1001")
                site.call("obs-tw", context: "queue-in", from: "\"Tran Thi B\" <0912345678>")
                guard case .connected(let first) = try await socket.pop("connected", call: "obs-tw") else { return }
                let firstLeg = try #require(site.simulator.pbx.calls["obs-tw"]?.agentLeg)
                // The agent sends the caller back into the queue; app_queue offers the same caller to 1001 again.
                #expect(site.transferToQueue("obs-tw"))
                _ = try await socket.pop("callEnded", call: "obs-tw")
                guard case .connected(let second) = try await socket.pop("connected", call: "obs-tw") else { return }
                let secondLeg = try #require(site.simulator.pbx.calls["obs-tw"]?.agentLeg)
                #expect(firstLeg != secondLeg)
                #expect(first.recordingID == AppQueueRecording.name(caller: "obs-tw", member: "1001", connection: firstLeg))
                #expect(second.recordingID == AppQueueRecording.name(caller: "obs-tw", member: "1001", connection: secondLeg))
                // The first connection's MixMonitor was stopped when the caller went back to the queue; the second records into its own file.
                #expect(site.simulator.pbx.channels["obs-tw"]?.mixMonitorFile?.hasSuffix("\(second.recordingID ?? "?").wav") == true)
                #expect(site.hangUp("obs-tw"))
                _ = try await socket.pop("callEnded", call: "obs-tw")
                named.set([first.recordingID, second.recordingID].compactMap { $0 })
            }
            let names = try #require(named.value)
            #expect(names.count == 2 && Set(names).count == 2, "\(names)")

            // Two files, two index rows for the one caller, each its own connection.
            #expect(await poll(timeout: .seconds(30)) {
                names.allSatisfy { FileManager.default.fileExists(atPath: site.monitor.appendingPathComponent("\($0).wav").path) }
            })
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: site.monitor.path)) == Set(names.map { "\($0).wav" }))
            #expect(try await poll(timeout: .seconds(30)) {
                try await site.store.recordings.list(from: nil, to: nil, agentID: "1001", limit: 10).filter { $0.callID == "obs-tw" }.count == 2
            })
            for name in names {
                let entry = try await site.store.recordings.get(id: name)
                #expect(entry.callID == "obs-tw" && entry.agentID == "1001" && entry.queue == "support")
                #expect(entry.location == "\(name).wav")
            }
        }
    }

    /// `support` (member 1001) records all calls, `sales` (1001 too) none; MixMonitor files go to
    /// the site's monitor directory, which is also where QA reads them.
    static func recordingSite(write: AMIPermission = .all, log: LogLines? = nil) -> ObserverSite.Options {
        var options = ObserverSite.Options()
        options.queues = [ObserverSite.SimQueueSpec("support", members: ["1001"]), ObserverSite.SimQueueSpec("sales", members: ["1001"])]
        options.write = write
        options.recording = AppQueueRecording(policy: RecordingPolicy(queues: ["support": .all, "sales": .none]))
        options.monitorRecordings = true
        options.log = log
        return options
    }
}
