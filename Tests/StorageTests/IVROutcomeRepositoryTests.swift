import CTICore
import Foundation
import Storage
import Testing

@Suite("IVR outcomes: surveys, callback requests, messages")
struct IVROutcomeRepositoryTests {
    static func path(_ flowID: String) -> IVRPath {
        var path = IVRPath(flowID: flowID, flowVersion: 3, language: "en")
        path.variables["choice"] = "2"
        return path
    }

    @Test("surveys keep every answer and their average; the low-score filter finds the unhappy callers")
    func surveys() async throws {
        let test = try TestStore()
        let outcomes = test.store.ivrOutcomes
        let at = test.clock.now
        let happy = IVRSurveyResult(
            survey: "csat", flowID: "main", flowVersion: 3, channelID: "c-1", callerID: "+84912345678",
            answers: [.init(question: "q1", score: 5), .init(question: "q2", score: 4)], completedAt: at)
        let unhappy = IVRSurveyResult(
            survey: "csat", flowID: "main", flowVersion: 3, channelID: "c-2", callerID: "+84912000000",
            answers: [.init(question: "q1", score: 1), .init(question: "q2", score: nil)], completedAt: at.addingTimeInterval(60))
        let silent = IVRSurveyResult(
            survey: "csat", flowID: "main", flowVersion: 3, channelID: "c-3", callerID: "+84912000001",
            answers: [.init(question: "q1", score: nil)], completedAt: at.addingTimeInterval(120))
        #expect(try await outcomes.record(survey: happy).averageScore == 4.5)
        #expect(try await outcomes.record(survey: unhappy).averageScore == 1)
        #expect(try await outcomes.record(survey: silent).averageScore == nil)

        let all = try await outcomes.surveys(maximumAverage: nil, page: PageRequest())
        #expect(all.total == 3 && all.items.map(\.result.channelID) == ["c-3", "c-2", "c-1"])
        #expect(all.items[1].result == unhappy)
        let low = try await outcomes.surveys(maximumAverage: 2, page: PageRequest())
        #expect(low.items.map(\.result.channelID) == ["c-2"])
        await #expect(throws: RepositoryError.self) { _ = try await outcomes.surveys(maximumAverage: nil, page: PageRequest(limit: 0)) }
    }

    @Test("callback requests wait in the order they were asked for and move through their states")
    func callbacks() async throws {
        let test = try TestStore()
        let outcomes = test.store.ivrOutcomes
        let at = test.clock.now
        let later = IVRCallbackRequest(queue: "support", number: "+84912000002", priority: 0, requestedAt: at.addingTimeInterval(30), path: Self.path("main"))
        let earlier = IVRCallbackRequest(queue: "sales", number: "+84912000003", priority: 5, requestedAt: at, path: Self.path("sales"))
        let first = try await outcomes.record(callback: later, channelID: "c-10")
        let second = try await outcomes.record(callback: earlier, channelID: "c-11")
        #expect(first.status == .pending && second.flowID == "sales")

        let pending = try await outcomes.callbacks(status: .pending, page: PageRequest())
        #expect(pending.items.map(\.channelID) == ["c-11", "c-10"])
        #expect(pending.items[0].number == "+84912000003" && pending.items[0].priority == 5 && pending.items[0].requestedAt == at)

        try await outcomes.setCallbackStatus(id: second.id, .dialled)
        #expect(try await outcomes.callbacks(status: .pending, page: PageRequest()).items.map(\.id) == [first.id])
        #expect(try await outcomes.callbacks(status: .dialled, page: PageRequest()).items.map(\.id) == [second.id])
        await #expect(throws: RepositoryError.notFound(entity: "callback", id: "999")) {
            try await outcomes.setCallbackStatus(id: 999, .failed)
        }
    }

    @Test("messages are kept per mailbox, newest first, and survive reopening the file")
    func messages() async throws {
        let test = try TestStore()
        let at = test.clock.now
        try await test.store.ivrOutcomes.record(message: IVRMessage(
            mailbox: "support", recordingName: "msg-1", durationSeconds: 12.5, callerID: "+84912000004", recordedAt: at, flowID: "main"))
        try await test.store.ivrOutcomes.record(message: IVRMessage(
            mailbox: "sales", recordingName: "msg-2", durationSeconds: nil, callerID: "'; DROP TABLE ivr_messages; --",
            recordedAt: at.addingTimeInterval(5), flowID: "main"))
        let reopened = try CTIStore.open(test.store.configuration)
        let support = try await reopened.ivrOutcomes.messages(mailbox: "support", page: PageRequest())
        #expect(support.items.map(\.recordingName) == ["msg-1"] && support.items[0].durationSeconds == 12.5)
        let all = try await reopened.ivrOutcomes.messages(mailbox: nil, page: PageRequest())
        #expect(all.items.map(\.callerID) == ["'; DROP TABLE ivr_messages; --", "+84912000004"])
    }
}
