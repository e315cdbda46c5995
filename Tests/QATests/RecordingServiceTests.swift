import CTIApp
import CTICore
import Foundation
import Storage
import Synchronization
import Telephony
import Testing

@Suite("QA recordings: indexing from the ACD, retention")
struct RecordingServiceTests {
    /// A clock the tests move by hand.
    final class HandClock: Sendable {
        private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        var now: Date { current.withLock { $0 } }
        func advance(days: Double) { current.withLock { $0 = $0.addingTimeInterval(days * 86_400) } }
    }

    /// A store over a real SQLite file in a fresh folder with a hand-moved clock.
    final class World: Sendable {
        let folder: URL
        let store: CTIStore
        let clock = HandClock()

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("qa-rec-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let clock = self.clock
            store = try CTIStore.open(StorageConfiguration(
                path: folder.appendingPathComponent("rec.sqlite").path, defaultCountry: "VN", now: { clock.now }))
        }

        var now: Date { clock.now }
        func advance(days: Double) { clock.advance(days: days) }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    @Test("a recorded call is indexed when it ends: agent, queue, customer, caller, start, duration, format, file")
    func indexing() async throws {
        let world = try World()
        let indexer = RecordingIndexer(index: world.store.recordings, format: "wav", wallClock: { world.now })
        let info = ACDCallInfo(id: CallID("call-1"), channelID: "chan-1", queue: QueueID("support"), callerNumber: "+84912345678", customerID: "7")
        await indexer.handle(.queued(info, position: 1))
        await indexer.handle(.offered(agent: AgentID("1004"), call: info, wait: 3))
        let connectedAt = world.now
        await indexer.handle(.connected(CallID("call-1"), agent: AgentID("1004"), bridgeID: "b1", recording: "acd-b1"))
        #expect(try await world.store.recordings.find(callID: "call-1") == nil)
        await indexer.handle(.ended(CallID("call-1"), agent: AgentID("1004"), by: .caller, talkSeconds: 37.5))
        let entry = try #require(try await world.store.recordings.find(callID: "call-1"))
        #expect(entry == RecordingEntry(
            id: "acd-b1", callID: "call-1", agentID: "1004", queue: "support", customerID: 7, callerNumber: "+84912345678",
            startedAt: connectedAt, durationSeconds: 37.5, format: "wav", location: "acd-b1.wav"))

        // A call connected without a recording (policy: none) and an abandoned call leave no entry.
        let quiet = ACDCallInfo(id: CallID("call-2"), channelID: "chan-2", queue: QueueID("sales"))
        await indexer.handle(.queued(quiet, position: 1))
        await indexer.handle(.connected(CallID("call-2"), agent: AgentID("1001"), bridgeID: "b2", recording: nil))
        await indexer.handle(.ended(CallID("call-2"), agent: AgentID("1001"), by: .agent, talkSeconds: 5))
        let gone = ACDCallInfo(id: CallID("call-3"), channelID: "chan-3", queue: QueueID("sales"))
        await indexer.handle(.queued(gone, position: 1))
        await indexer.handle(.abandoned(CallID("call-3"), queue: QueueID("sales"), wait: 9))
        #expect(try await world.store.recordings.list(from: nil, to: nil, agentID: nil, limit: 10).map(\.id) == ["acd-b1"])
    }

    @Test("a call that arrives without a customer (app_queue knows none) is indexed with the one found by the caller's number; a given customer wins")
    func customerByNumber() async throws {
        let world = try World()
        let asked = Mutex<[String]>([])
        let indexer = RecordingIndexer(
            index: world.store.recordings, format: "wav", wallClock: { world.now },
            customer: { number in
                asked.withLock { $0.append(number) }
                return number == "0912345678" ? 42 : nil
            })
        for (id, number, customer) in [("obs-1", "0912345678", nil), ("obs-2", "0999000111", nil), ("obs-3", "0912345678", "7")] as [(String, String, String?)] {
            let info = ACDCallInfo(id: CallID(id), channelID: id, queue: QueueID("support"), callerNumber: number, customerID: customer)
            await indexer.handle(.queued(info, position: 1))
            await indexer.handle(.connected(CallID(id), agent: AgentID("1001"), bridgeID: nil, recording: "rec-\(id)"))
            await indexer.handle(.ended(CallID(id), agent: AgentID("1001"), by: .caller, talkSeconds: 12))
        }
        #expect(try await world.store.recordings.get(id: "rec-obs-1").customerID == 42)
        #expect(try await world.store.recordings.get(id: "rec-obs-2").customerID == nil)
        #expect(try await world.store.recordings.get(id: "rec-obs-3").customerID == 7)
        #expect(asked.withLock { $0 } == ["0912345678", "0999000111"])
    }

    @Test("retention deletes expired files per queue, marks them in the index and logs each deletion in the audit log")
    func retention() async throws {
        let world = try World()
        let directory = world.folder.appendingPathComponent("recordings", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (id, queue) in [("s1", "sales"), ("u1", "support"), ("b1", "billing")] {
            try Data("RIFF".utf8).write(to: directory.appendingPathComponent("\(id).wav"))
            try await world.store.recordings.add(RecordingEntry(
                id: id, callID: "call-\(id)", agentID: "1001", queue: queue, startedAt: world.now, durationSeconds: 10, format: "wav",
                location: "\(id).wav"))
        }
        // u1's file is already gone: it is still marked deleted.
        try FileManager.default.removeItem(at: directory.appendingPathComponent("u1.wav"))
        let retention = RecordingRetention(
            store: world.store, directory: directory, policy: RetentionPolicy(queues: ["sales": 7, "support": 30]), now: { world.now })
        world.advance(days: 6.9)
        #expect(try await retention.sweep().isEmpty)
        world.advance(days: 0.2)
        #expect(try await retention.sweep() == ["s1"])
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("s1.wav").path))
        world.advance(days: 30)
        #expect(try await retention.sweep() == ["u1"])
        #expect(try await retention.sweep().isEmpty)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("b1.wav").path))
        #expect(try await world.store.recordings.get(id: "s1").deletedAt != nil)
        let audit = try await world.store.audit.entries(AuditQuery(entityType: "recording"))
        #expect(audit.items.map(\.entityID) == ["u1", "s1"])
        #expect(audit.items.allSatisfy { $0.action == "recording.delete" && $0.actor == "retention" })
        #expect(audit.items[1].changes.contains(FieldChange(field: "reason", oldValue: nil, newValue: "kept 7 day(s) for queue sales")))
    }
}
