import CTICore
import Foundation
import Testing

@Suite("QA recording and retention policies")
struct RecordingPolicyTests {
    @Test("all records every call, none records nothing, queues without a rule use the default")
    func allAndNone() {
        let policy = RecordingPolicy(defaultMode: .all, queues: ["sales": .none])
        let calls = (0..<200).map { "call-\($0)" }
        #expect(calls.allSatisfy { policy.shouldRecord(callID: $0, queue: "support") })
        #expect(calls.allSatisfy { !policy.shouldRecord(callID: $0, queue: "sales") })
        let off = RecordingPolicy(defaultMode: .none, queues: ["support": .all])
        #expect(!off.shouldRecord(callID: "x", queue: "billing"))
        #expect(off.shouldRecord(callID: "x", queue: "support"))
    }

    @Test("a percentage records about that share, the same calls every time; 0 and 100 are exact")
    func percentage() {
        let policy = RecordingPolicy(defaultMode: .none, queues: ["support": .percentage(25)])
        let calls = (0..<4_000).map { "acd-call-\($0)" }
        let recorded = calls.filter { policy.shouldRecord(callID: $0, queue: "support") }
        #expect((850...1_150).contains(recorded.count), "recorded \(recorded.count) of 4000 at 25 %")
        #expect(recorded == calls.filter { policy.shouldRecord(callID: $0, queue: "support") })
        let zero = RecordingPolicy(defaultMode: .percentage(0))
        let hundred = RecordingPolicy(defaultMode: .percentage(100))
        #expect(calls.allSatisfy { !zero.shouldRecord(callID: $0, queue: "q") && hundred.shouldRecord(callID: $0, queue: "q") })
    }

    @Test("percentages outside 0-100 and retention of less than a day are reported per field")
    func badInput() {
        let policy = RecordingPolicy(defaultMode: .percentage(120), queues: ["b": .percentage(-1), "a": .percentage(.nan), "c": .percentage(50)])
        #expect(policy.problems.map(\.field) == ["defaultMode", "queues.a", "queues.b"])
        let retention = RetentionPolicy(defaultDays: 0, queues: ["sales": -3, "support": 30])
        #expect(retention.problems.map(\.field) == ["defaultDays", "queues.sales"])
    }

    @Test("retention: per-queue days, default for others, nil keeps for ever, deleted entries skipped, oldest first")
    func retention() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        func entry(_ id: String, queue: String?, daysAgo: Double, deleted: Bool = false) -> RecordingEntry {
            RecordingEntry(
                id: id, callID: id, agentID: "1001", queue: queue, startedAt: now.addingTimeInterval(-daysAgo * 86_400),
                durationSeconds: 10, format: "wav", location: "\(id).wav", deletedAt: deleted ? now : nil)
        }
        let entries = [
            entry("sales-new", queue: "sales", daysAgo: 6.9), entry("sales-old", queue: "sales", daysAgo: 7),
            entry("support-old", queue: "support", daysAgo: 29), entry("other-old", queue: "billing", daysAgo: 400),
            entry("sales-older", queue: "sales", daysAgo: 10), entry("gone", queue: "sales", daysAgo: 50, deleted: true),
        ]
        let policy = RetentionPolicy(queues: ["sales": 7, "support": 30])
        #expect(policy.expired(entries, now: now).map(\.id) == ["sales-older", "sales-old"])
        let withDefault = RetentionPolicy(defaultDays: 365, queues: ["sales": 7, "support": 30])
        #expect(withDefault.expired(entries, now: now).map(\.id) == ["other-old", "sales-older", "sales-old"])
    }

    @Test("a recording's location must stay inside the recordings directory")
    func safeLocation() {
        #expect(RecordingEntry.isSafeLocation("acd-call-1.wav"))
        #expect(RecordingEntry.isSafeLocation("2026/11/acd-call-1.wav"))
        for bad in ["", "/etc/passwd", "../x.wav", "a/../../x", "a//b", "./x", "a\\b"] {
            #expect(!RecordingEntry.isSafeLocation(bad), "\(bad) accepted")
        }
    }
}
