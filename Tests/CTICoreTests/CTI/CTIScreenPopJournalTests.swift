import CTICore
import Testing

@Suite struct CTIScreenPopJournalTests {
    static func ended(_ id: String) -> CTIScreenPopMessage { .callEnded(CTICallEnded(callID: id, reason: "caller", talkSeconds: 1)) }

    @Test func sequenceNumbersArePerAgent() {
        var journal = CTIScreenPopJournal(capacity: 8)
        #expect(journal.append(Self.ended("a1"), for: "A").seq == 1)
        #expect(journal.append(Self.ended("a2"), for: "A").seq == 2)
        #expect(journal.append(Self.ended("b1"), for: "B").seq == 1)
        #expect(journal.lastSeq(for: "A") == 2)
        #expect(journal.lastSeq(for: "nobody") == 0)
    }

    @Test func replayReturnsWhatWasMissedInOrder() {
        var journal = CTIScreenPopJournal(capacity: 8)
        for index in 1...5 { _ = journal.append(Self.ended("c\(index)"), for: "A") }
        _ = journal.append(Self.ended("other"), for: "B")
        let replay = journal.replay(for: "A", after: 2)
        #expect(replay.entries.map(\.seq) == [3, 4, 5])
        #expect(replay.entries.map(\.message.callID) == ["c3", "c4", "c5"])
        #expect(!replay.truncated)
        #expect(journal.replay(for: "A", after: 5).entries.isEmpty)
        // A client ahead of the journal (server restarted) gets nothing rather than old pops.
        #expect(journal.replay(for: "A", after: 99).entries.isEmpty)
    }

    @Test func replayIsBoundedAndSaysSo() {
        var journal = CTIScreenPopJournal(capacity: 3)
        for index in 1...10 { _ = journal.append(Self.ended("c\(index)"), for: "A") }
        let replay = journal.replay(for: "A", after: 2)
        #expect(replay.entries.map(\.seq) == [8, 9, 10])
        #expect(replay.truncated)
        #expect(!journal.replay(for: "A", after: 7).truncated)
    }

    @Test func acknowledgementsAreMonotonicAndChecked() throws {
        var journal = CTIScreenPopJournal(capacity: 8)
        for index in 1...4 { _ = journal.append(Self.ended("c\(index)"), for: "A") }
        try journal.acknowledge(3, for: "A")
        try journal.acknowledge(1, for: "A")
        #expect(journal.acknowledged(for: "A") == 3)
        #expect(journal.unacknowledged(for: "A").map(\.seq) == [4])
        #expect { try journal.acknowledge(5, for: "A") } throws: { ($0 as? CTIProtocolError)?.code == .invalidSequence }
        #expect { try journal.acknowledge(1, for: "B") } throws: { ($0 as? CTIProtocolError)?.code == .invalidSequence }
    }
}
