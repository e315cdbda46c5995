import CTICore
import CTIServer
import Foundation
import NIOHTTP1
import Storage
import Testing

@Suite("QA API: evaluations, permissions and disputes", .serialized)
struct QAEvaluationAPITests {
    /// Publishes the API card as qa-lead and starts a draft on `call` as `evaluator`.
    static func start(_ qa: QAFixture, call: String = "c1", evaluator: String = "qa-lead") async throws -> Evaluation {
        if try await qa.send(.GET, "/api/qa/scorecards/service", as: "qa-lead").status == 404 {
            #expect(try await qa.send(.POST, "/api/qa/scorecards", as: "qa-lead", json: apiCard).status == 201)
        }
        let started = try await qa.send(.POST, "/api/qa/evaluations", as: evaluator, json: QAStartRequest(callID: call, scorecardID: "service"))
        #expect(started.status == 201, "\(started.text)")
        return try started.decode(Evaluation.self)
    }

    @Test("a draft is scored, submitted with the engine's score, disputed by its agent and re-reviewed to final")
    func fullLifecycle() async throws {
        try await QAFixture.with { qa in
            let draft = try await Self.start(qa)
            #expect(draft.state == .draft && draft.agentID == "1001" && draft.evaluatorID == "qa-lead" && draft.recordingID == "acd-c1")
            let answers: [String: QAAnswer] = ["q1": .yes, "q3": .scale(3), "q4": .no, "q5": .yes]
            let saved = try await qa.send(
                .PUT, "/api/qa/evaluations/\(draft.id)", as: "qa-lead",
                json: QADraftRequest(answers: answers, comments: [QACommentRequest(offsetSeconds: 31.5, text: "Missed the fix"), QACommentRequest(offsetSeconds: 2, text: "Warm greeting")]))
            #expect(saved.status == 200, "\(saved.text)")
            #expect(try saved.decode(Evaluation.self).comments.map(\.offsetSeconds) == [2, 31.5])

            // The agent does not see drafts.
            #expect(try await qa.send(.GET, "/api/qa/evaluations/\(draft.id)", as: "1001").status == 404)
            #expect(try await qa.send(.GET, "/api/qa/evaluations", as: "1001").list.isEmpty)

            let submitted = try await qa.send(.POST, "/api/qa/evaluations/\(draft.id)/submit", as: "qa-lead")
            #expect(submitted.status == 200, "\(submitted.text)")
            let scored = try submitted.decode(Evaluation.self)
            let engine = try QAScorer.score(answers, on: apiCard)
            #expect(scored.score == engine)
            #expect(scored.state == .submitted)

            // Agents see only their own evaluations.
            #expect(try await qa.send(.GET, "/api/qa/evaluations", as: "1001").list.map { $0["id"] as? String } == [draft.id])
            #expect(try await qa.send(.GET, "/api/qa/evaluations/\(draft.id)", as: "1002").status == 404)
            #expect(try await qa.send(.GET, "/api/qa/evaluations", as: "1002").list.isEmpty)
            let peek = try await qa.send(.GET, "/api/qa/evaluations?agent=1001", as: "1002")
            #expect(peek.status == 403 && peek.errorCode == "forbidden")
            #expect(try await qa.send(.POST, "/api/qa/evaluations/\(draft.id)/acknowledge", as: "1002").status == 404)

            // Only answers below the maximum can be disputed.
            let full = try await qa.send(.POST, "/api/qa/evaluations/\(draft.id)/dispute", as: "1001", json: QADisputeRequest(questionIDs: ["q1"], reason: "x"))
            #expect(full.status == 422 && full.errorCode == "validation_failed")
            let disputed = try await qa.send(
                .POST, "/api/qa/evaluations/\(draft.id)/dispute", as: "1001", json: QADisputeRequest(questionIDs: ["q4"], reason: "I fixed it at 0:30"))
            #expect(disputed.status == 200, "\(disputed.text)")
            #expect(try disputed.decode(Evaluation.self).state == .disputed)

            // The evaluator may not review their own evaluation's dispute; agents may not review at all.
            let own = try await qa.send(.POST, "/api/qa/evaluations/\(draft.id)/review", as: "qa-lead", json: QAReviewRequest(accept: true, revisedAnswers: ["q4": .yes], note: "ok"))
            #expect(own.status == 403)
            #expect(try await qa.send(.POST, "/api/qa/evaluations/\(draft.id)/review", as: "1001", json: QAReviewRequest(accept: true, note: "mine")).status == 403)
            let reviewed = try await qa.send(
                .POST, "/api/qa/evaluations/\(draft.id)/review", as: "supervisor", json: QAReviewRequest(accept: true, revisedAnswers: ["q4": .yes], note: "heard the fix"))
            #expect(reviewed.status == 200, "\(reviewed.text)")
            let final = try reviewed.decode(Evaluation.self)
            #expect(final.state == .final)
            #expect(final.score == (try QAScorer.score(answers.merging(["q4": .yes]) { $1 }, on: apiCard)))
            #expect(final.history.map(\.action) == ["submitted", "disputed", "disputeAccepted"])
            // Stored, not just answered.
            let stored = try await qa.store.evaluations.get(id: draft.id)
            #expect(stored.state == .final && stored.score == final.score && stored.answers == final.answers)
            #expect(stored.dispute?.accepted == true && stored.dispute?.reviewerID == "supervisor" && stored.comments.count == 2)
            // Final is final.
            #expect(try await qa.send(.POST, "/api/qa/evaluations/\(draft.id)/acknowledge", as: "1001").status == 409)
        }
    }

    @Test("acknowledge once; a second acknowledge or a later dispute is a 409 conflict")
    func acknowledge() async throws {
        try await QAFixture.with { qa in
            let draft = try await Self.start(qa, call: "c2")
            _ = try await qa.send(.PUT, "/api/qa/evaluations/\(draft.id)", as: "qa-lead", json: QADraftRequest(answers: ["q1": .yes, "q3": .scale(4), "q4": .yes, "q5": .no]))
            let submitted = try await qa.send(.POST, "/api/qa/evaluations/\(draft.id)/submit", as: "qa-lead").decode(Evaluation.self)
            #expect(submitted.score?.percent == 0 && submitted.score?.autoFailed == true)
            #expect(try await qa.send(.POST, "/api/qa/evaluations/\(draft.id)/acknowledge", as: "1002").status == 200)
            let again = try await qa.send(.POST, "/api/qa/evaluations/\(draft.id)/acknowledge", as: "1002")
            #expect(again.status == 409 && again.errorCode == "conflict")
            #expect(try await qa.send(.POST, "/api/qa/evaluations/\(draft.id)/dispute", as: "1002", json: QADisputeRequest(questionIDs: ["q5"], reason: "no")).status == 409)
            #expect(try await qa.store.evaluations.get(id: draft.id).state == .acknowledged)
        }
    }

    @Test("evaluators cannot score their own calls; agents cannot score; a second evaluation of the same call is a conflict")
    func scoringRules() async throws {
        try await QAFixture.with { qa in
            _ = try await Self.start(qa)
            let own = try await qa.send(.POST, "/api/qa/evaluations", as: "qa-lead", json: QAStartRequest(callID: "c3", scorecardID: "service"))
            #expect(own.status == 403 && own.errorCode == "forbidden")
            #expect(own.text.contains("own calls"))
            let agent = try await qa.send(.POST, "/api/qa/evaluations", as: "1002", json: QAStartRequest(callID: "c1", scorecardID: "service"))
            #expect(agent.status == 403)
            let twice = try await qa.send(.POST, "/api/qa/evaluations", as: "qa-lead", json: QAStartRequest(callID: "c1", scorecardID: "service"))
            #expect(twice.status == 409)
            // Someone else may score c3.
            #expect(try await qa.send(.POST, "/api/qa/evaluations", as: "qa-2", json: QAStartRequest(callID: "c3", scorecardID: "service")).status == 201)
            let unknown = try await qa.send(.POST, "/api/qa/evaluations", as: "qa-2", json: QAStartRequest(callID: "nope", scorecardID: "service"))
            #expect(unknown.status == 404 && unknown.errorCode == "not_found")
            // Another evaluator may not edit qa-lead's draft.
            let drafts = try await qa.store.evaluations.list(EvaluationFilter(evaluatorID: "qa-lead"))
            let edit = try await qa.send(.PUT, "/api/qa/evaluations/\(drafts[0].id)", as: "qa-2", json: QADraftRequest(answers: ["q1": .no]))
            #expect(edit.status == 403)
        }
    }

    @Test("bad input: wrong answer kinds, incomplete submit, bad comments, malformed JSON, unknown filters, no or bad token")
    func badInput() async throws {
        try await QAFixture.with { qa in
            let draft = try await Self.start(qa)
            let path = "/api/qa/evaluations/\(draft.id)"
            let wrong = try await qa.send(.PUT, path, as: "qa-lead", raw: #"{"answers":{"q1":3,"q3":"yes","q9":"no","q4":"na"}}"#)
            #expect(wrong.status == 422 && wrong.errorCode == "validation_failed")
            #expect(Set(wrong.problemFields) == ["answers.q1", "answers.q3", "answers.q9"])
            let unreadable = try await qa.send(.PUT, path, as: "qa-lead", raw: #"{"answers":{"q1":"maybe"}}"#)
            #expect(unreadable.status == 400 && unreadable.errorCode == "bad_request")
            let notJSON = try await qa.send(.POST, "/api/qa/evaluations", as: "qa-lead", raw: "callID=c1")
            #expect(notJSON.status == 400 && notJSON.problemFields == ["body"])
            let missing = try await qa.send(.POST, "/api/qa/evaluations", as: "qa-lead", raw: #"{"callID":"c1"}"#)
            #expect(missing.status == 400 && missing.problemFields == ["scorecardID"])
            let late = try await qa.send(.PUT, path, as: "qa-lead", json: QADraftRequest(comments: [QACommentRequest(offsetSeconds: 41, text: "after the end")]))
            #expect(late.status == 400)
            let empty = try await qa.send(.PUT, path, as: "qa-lead", json: QADraftRequest(comments: [QACommentRequest(offsetSeconds: 1, text: "  ")]))
            #expect(empty.status == 400)
            _ = try await qa.send(.PUT, path, as: "qa-lead", json: QADraftRequest(answers: ["q1": .yes]))
            let incomplete = try await qa.send(.POST, "\(path)/submit", as: "qa-lead")
            #expect(incomplete.status == 422)
            #expect(Set(incomplete.problemFields) == ["answers.q3", "answers.q4", "answers.q5"])
            #expect(try await qa.send(.GET, "/api/qa/evaluations?state=lost", as: "qa-lead").status == 400)
            #expect(try await qa.send(.GET, "/api/qa/evaluations/none", as: "qa-lead").status == 404)
            let anonymous = try await qa.send(.GET, "/api/qa/evaluations", as: nil)
            #expect(anonymous.status == 401 && anonymous.errorCode == "unauthenticated")
            #expect(try await qa.send(.GET, "/api/qa/worklist", as: "not-a-token").status == 401)
            #expect(try await qa.send(.GET, "/api/recordings/acd-c1/audio", as: nil).status == 401)
        }
    }
}
