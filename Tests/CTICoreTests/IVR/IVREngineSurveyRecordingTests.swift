import CTICore
import Foundation
import Testing

@Suite("IVR engine: surveys and message recording")
struct IVREngineSurveyRecordingTests {
    static func survey() throws -> ValidatedFlow {
        try FlowValidator.validate(sampleFlow("post-call-survey.json"))
    }

    static func storedSurvey(_ decisions: [IVRDecision]) -> IVRSurveyResult? {
        decisions.lazy.compactMap { decision -> IVRSurveyResult? in
            if case .storeSurveyResult(let result) = decision { result } else { nil }
        }.first
    }

    @Test("each question is scored 1-5 with one key and the scores are emitted for storage")
    func scores() throws {
        var call = CallDriver(try Self.survey(), version: 4)
        call.start(channel: "chan-9")
        #expect(call.playPrompt().media == [["sound:survey-agent"]])
        #expect(call.press("5").media == [["sound:survey-resolved"]])  // barge-in on the next question works too
        let resolved = try #require(call.playing)
        let third = call.press("4")
        #expect(third.first == .stopPlayback(resolved.id))
        #expect(third.media == [["sound:survey-overall"]])
        call.playPrompt()
        let done = call.press("3")
        let result = try #require(Self.storedSurvey(done))
        #expect(result.survey == "post-call")
        #expect(result.flowID == "post-call-survey")
        #expect(result.flowVersion == 4)
        #expect(result.channelID == "chan-9")
        #expect(result.answers == [
            .init(question: "agent", score: 5), .init(question: "resolved", score: 4), .init(question: "overall", score: 3),
        ])
        #expect(done.media == [["sound:thank-you"]])
    }

    @Test("a key outside 1-5 asks again; a question left unanswered is stored without a score")
    func invalidAndUnanswered() throws {
        var call = CallDriver(try Self.survey())
        call.start()
        call.playPrompt()
        #expect(call.press("9").media == [["sound:survey-1-to-5", "sound:survey-agent"]])
        call.playPrompt()
        #expect(call.press("0").media == [["sound:survey-resolved"]])  // second failure: skipped
        call.playPrompt()
        #expect(call.fire(.firstDigit).media == [["sound:survey-resolved"]])
        call.playPrompt()
        call.fire(.firstDigit)
        call.playPrompt()
        let result = try #require(Self.storedSurvey(call.press("2")))
        #expect(result.answers.map(\.score) == [nil, nil, 2])
    }

    static func voicemailCall() throws -> CallDriver {
        // After hours in the main-menu sample: closed message, then 1 for voicemail.
        var call = CallDriver(try FlowValidator.validate(sampleFlow("main-menu.json")), at: instant("2026-11-23T20:00:00+07:00"))
        call.start()
        call.press("1")
        call.playPrompt()  // closed message
        call.playPrompt()  // after-hours menu
        call.press("1")
        return call
    }

    @Test("a message is recorded after its prompt with a beep, then stored for the mailbox")
    func recording() throws {
        var call = try Self.voicemailCall()
        #expect(call.playing?.media == ["sound:leave-message"])
        #expect(call.press("5").isEmpty)  // the record prompt is not interrupted
        let started = call.playPrompt()
        guard case .record(let request) = started.first(where: { if case .record = $0 { true } else { false } }) else {
            Issue.record("expected a record decision, got \(started)"); return
        }
        #expect(request.maxDurationSeconds == 120)
        #expect(request.maxSilenceSeconds == 5)
        #expect(request.beep)
        #expect(request.terminateOn == "#")
        #expect(request.name.hasPrefix("ivr-chan-1-"))
        #expect(call.timer(.recording)?.duration == .seconds(130))
        #expect(call.press("3").isEmpty)  // digits while recording are Asterisk's business

        let finished = call.send(.recordingFinished(name: request.name, durationSeconds: 14.2))
        guard case .storeMessage(let message) = finished.first(where: { if case .storeMessage = $0 { true } else { false } }) else {
            Issue.record("expected the message stored, got \(finished)"); return
        }
        #expect(message.mailbox == "support")
        #expect(message.recordingName == request.name)
        #expect(message.durationSeconds == 14.2)
        #expect(message.callerID == "+84987654321")
        #expect(finished.last == .hangUp(reason: "normal"))
        #expect(call.timers.isEmpty)
    }

    @Test("a failed recording goes on without storing anything")
    func recordingFailed() throws {
        var call = try Self.voicemailCall()
        call.playPrompt()
        let name = try #require(call.recording?.name)
        #expect(call.send(.recordingFailed(name: "someone-else")).isEmpty)
        let decisions = call.send(.recordingFailed(name: name))
        #expect(!decisions.contains { if case .storeMessage = $0 { true } else { false } })
        #expect(decisions.last == .hangUp(reason: "normal"))
        #expect(call.engine.path.steps.contains { $0.event == .recordingFailed })
    }

    @Test("a recording that never reports back is stopped by the guard timer")
    func recordingOverrun() throws {
        var call = try Self.voicemailCall()
        call.playPrompt()
        let name = try #require(call.recording?.name)
        let decisions = call.fire(.recording)
        #expect(decisions.first == .stopRecording(name: name))
        #expect(decisions.last == .hangUp(reason: "normal"))
    }
}
