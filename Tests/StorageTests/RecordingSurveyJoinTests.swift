import CTICore
import Foundation
import Storage
import Testing

@Suite("Recordings with their caller's survey: one query joining the index and the IVR surveys")
struct RecordingSurveyJoinTests {
    func recording(_ id: String, call: String, at: Date) -> RecordingEntry {
        RecordingEntry(
            id: id, callID: call, agentID: "1001", queue: "support", startedAt: at, durationSeconds: 60, format: "wav", location: "\(id).wav")
    }

    func survey(_ channel: String, _ scores: [Int?], at: Date) -> IVRSurveyResult {
        IVRSurveyResult(
            survey: "csat", flowID: "post-call", flowVersion: 1, channelID: channel, callerID: "+84912345678",
            answers: scores.enumerated().map { .init(question: "q\($0.offset)", score: $0.element) }, completedAt: at)
    }

    @Test("each recording gets its caller's lowest survey average; transferred legs share it; no or unanswered surveys give nil")
    func join() async throws {
        let test = try TestStore()
        let at = test.clock.now
        for (index, call) in ["ch-low", "ch-high", "ch-none", "ch-low~t1", "ch-silent", "ch-two"].enumerated() {
            try await test.store.recordings.add(recording("rec-\(index)", call: call, at: at.addingTimeInterval(Double(index))))
        }
        let outcomes = test.store.ivrOutcomes
        _ = try await outcomes.record(survey: survey("ch-low", [2, 1], at: at))
        _ = try await outcomes.record(survey: survey("ch-high", [5, 4], at: at))
        _ = try await outcomes.record(survey: survey("ch-silent", [nil], at: at))
        _ = try await outcomes.record(survey: survey("ch-two", [5], at: at))
        _ = try await outcomes.record(survey: survey("ch-two", [3, 2], at: at))
        _ = try await outcomes.record(survey: survey("other-channel", [1], at: at))

        let listed = try await test.store.recordings.listWithSurveys(from: nil, to: nil, limit: 100)
        let averages = Dictionary(uniqueKeysWithValues: listed.map { ($0.entry.callID, $0.surveyAverage) })
        #expect(listed.map(\.entry.id) == (0..<6).map { "rec-\($0)" })
        #expect(averages["ch-low"] == .some(1.5))
        #expect(averages["ch-low~t1"] == .some(1.5))
        #expect(averages["ch-high"] == .some(4.5))
        #expect(averages["ch-none"] == .some(nil))
        #expect(averages["ch-silent"] == .some(nil))
        #expect(averages["ch-two"] == .some(2.5))
        #expect(listed.first { $0.entry.callID == "ch-low" }?.entry == recording("rec-0", call: "ch-low", at: at))

        // The time window and the limit apply; deleted recordings are left out.
        #expect(try await test.store.recordings.listWithSurveys(from: at.addingTimeInterval(3), to: nil, limit: 100).map(\.entry.id) == [
            "rec-3", "rec-4", "rec-5",
        ])
        #expect(try await test.store.recordings.listWithSurveys(from: nil, to: at.addingTimeInterval(2), limit: 1).map(\.entry.id) == ["rec-0"])
        try await test.store.recordings.markDeleted(id: "rec-0", by: "test", reason: "test")
        #expect(try await test.store.recordings.listWithSurveys(from: nil, to: nil, limit: 100).first?.entry.id == "rec-1")
    }

    @Test("the whole survey score rounds the average up, so 'score 2 or less' means an average of at most 2")
    func wholeScore() {
        let entry = recording("r", call: "c", at: Date(timeIntervalSince1970: 0))
        #expect(SurveyedRecording(entry: entry, surveyAverage: 2).surveyScore == 2)
        #expect(SurveyedRecording(entry: entry, surveyAverage: 2.01).surveyScore == 3)
        #expect(SurveyedRecording(entry: entry, surveyAverage: 1.5).surveyScore == 2)
        #expect(SurveyedRecording(entry: entry, surveyAverage: nil).surveyScore == nil)
        #expect(SurveyedRecording.callerChannel(ofCall: "1700000000.42~t2") == "1700000000.42")
        #expect(SurveyedRecording.callerChannel(ofCall: "1700000000.42") == "1700000000.42")
    }
}
