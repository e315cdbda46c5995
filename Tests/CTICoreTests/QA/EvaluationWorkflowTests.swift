import CTICore
import Foundation
import Testing

/// Golden 20 and the permission rules of the evaluation life cycle.
@Suite("QA evaluation workflow")
struct EvaluationWorkflowTests {
    let workflow = EvaluationWorkflow(disputeWindow: 3600)
    let card = QAScoringGoldenTests.pointsCard
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let fullAnswers: [String: QAAnswer] = ["q1": .yes, "q2": .notApplicable, "q3": .scale(3), "q4": .yes, "q5": .yes]

    func submitted(id: String = "ev1", evaluator: String = "qa1", existing: [Evaluation] = []) throws -> Evaluation {
        var evaluation = try workflow.start(
            id: id, callID: "call-1", recordingID: "rec-1", agentID: "agent1", evaluatorID: evaluator, scorecard: card,
            existing: existing, now: t0)
        evaluation = try workflow.answer(evaluation, with: fullAnswers, by: evaluator, on: card)
        return try workflow.submit(evaluation, by: evaluator, on: card, existing: existing, now: t0 + 10)
    }

    @Test("draft → submitted scores the form, sets the deadline and writes history")
    func submit() throws {
        let evaluation = try submitted()
        #expect(evaluation.state == .submitted)
        #expect(abs(evaluation.score!.percent! - 92.857) < 0.001)
        #expect(evaluation.disputeDeadline == t0 + 3610)
        #expect(evaluation.history.map(\.action) == ["submitted"])
    }

    @Test("evaluators cannot score their own calls")
    func ownCall() {
        #expect(throws: QAWorkflowError.notAllowed("evaluators cannot score their own calls")) {
            try workflow.start(
                id: "x", callID: "call-1", recordingID: nil, agentID: "agent1", evaluatorID: "agent1", scorecard: card,
                existing: [], now: t0)
        }
    }

    @Test("a second evaluation by the same evaluator for the same call and form is rejected; another evaluator may")
    func duplicate() throws {
        let first = try submitted()
        #expect(throws: QAWorkflowError.duplicateEvaluation(existingID: "ev1")) {
            try submitted(id: "ev2", existing: [first])
        }
        let other = try submitted(id: "ev3", evaluator: "qa2", existing: [first])
        #expect(other.state == .submitted)
    }

    @Test("an incomplete draft cannot be submitted; every missing answer is listed")
    func incomplete() throws {
        var evaluation = try workflow.start(
            id: "ev1", callID: "call-1", recordingID: nil, agentID: "agent1", evaluatorID: "qa1", scorecard: card,
            existing: [], now: t0)
        evaluation = try workflow.answer(evaluation, with: ["q1": .yes], by: "qa1", on: card)
        do {
            _ = try workflow.submit(evaluation, by: "qa1", on: card, existing: [], now: t0)
            Issue.record("expected missing answers")
        } catch {
            guard case .answers(let answers) = error else { Issue.record("\(error)"); return }
            #expect(answers.problems.map(\.questionID) == ["q2", "q3", "q4", "q5"])
            #expect(answers.problems.allSatisfy { $0.code == .missing })
        }
    }

    @Test("only the evaluator edits a draft; nobody edits after submission")
    func editing() throws {
        let draft = try workflow.start(
            id: "ev1", callID: "call-1", recordingID: nil, agentID: "agent1", evaluatorID: "qa1", scorecard: card,
            existing: [], now: t0)
        #expect(throws: QAWorkflowError.notAllowed("only the evaluator can edit this evaluation")) {
            try workflow.answer(draft, with: ["q1": .no], by: "qa2", on: card)
        }
        let done = try submitted()
        #expect(throws: QAWorkflowError.invalidState(current: .submitted, action: "edit")) {
            try workflow.answer(done, with: ["q1": .no], by: "qa1", on: card)
        }
    }

    @Test("comments sit on the recording timeline, in order, within the recording")
    func comments() throws {
        var draft = try workflow.start(
            id: "ev1", callID: "call-1", recordingID: "r", agentID: "agent1", evaluatorID: "qa1", scorecard: card,
            existing: [], now: t0)
        draft = try workflow.comment(draft, at: 42, text: "good empathy", by: "qa1", recordingDuration: 120, now: t0)
        draft = try workflow.comment(draft, at: 5.5, text: "  greeting  ", by: "qa1", recordingDuration: 120, now: t0)
        #expect(draft.comments.map(\.offsetSeconds) == [5.5, 42])
        #expect(draft.comments.first?.text == "greeting")
        #expect(throws: QAWorkflowError.self) {
            try workflow.comment(draft, at: 121, text: "late", by: "qa1", recordingDuration: 120, now: t0)
        }
        #expect(throws: QAWorkflowError.self) {
            try workflow.comment(draft, at: 1, text: "   ", by: "qa1", recordingDuration: 120, now: t0)
        }
    }

    @Test("the agent acknowledges; nobody else may")
    func acknowledge() throws {
        let evaluation = try submitted()
        #expect(throws: QAWorkflowError.notAllowed("only the evaluated agent can acknowledge")) {
            try workflow.acknowledge(evaluation, by: "agent2", now: t0)
        }
        let acknowledged = try workflow.acknowledge(evaluation, by: "agent1", now: t0 + 20)
        #expect(acknowledged.state == .acknowledged)
        #expect(throws: QAWorkflowError.invalidState(current: .acknowledged, action: "dispute")) {
            try workflow.dispute(acknowledged, questions: ["q3"], reason: "r", by: "agent1", now: t0 + 30)
        }
    }

    @Test("disputes only on below-maximum questions and before the deadline")
    func disputeRules() throws {
        let evaluation = try submitted()
        #expect(throws: QAWorkflowError.notDisputable(questionIDs: ["q1", "q2"])) {
            try workflow.dispute(evaluation, questions: ["q1", "q2", "q3"], reason: "unfair", by: "agent1", now: t0 + 20)
        }
        #expect(throws: QAWorkflowError.deadlinePassed) {
            try workflow.dispute(evaluation, questions: ["q3"], reason: "unfair", by: "agent1", now: t0 + 3611)
        }
        #expect(throws: QAWorkflowError.notAllowed("only the evaluated agent can dispute")) {
            try workflow.dispute(evaluation, questions: ["q3"], reason: "unfair", by: "qa1", now: t0 + 20)
        }
        let disputed = try workflow.dispute(evaluation, questions: ["q3"], reason: "I was polite", by: "agent1", now: t0 + 20)
        #expect(disputed.state == .disputed)
        #expect(disputed.dispute?.questionIDs == ["q3"])
    }

    @Test("accepting a dispute re-scores and writes an audit entry; rejecting keeps the score")
    func resolve() throws {
        let disputed = try workflow.dispute(try submitted(), questions: ["q3"], reason: "polite", by: "agent1", now: t0 + 20)
        #expect(throws: QAWorkflowError.notAllowed("the original evaluator cannot review the dispute")) {
            try workflow.resolveDispute(disputed, accept: true, revisedAnswers: ["q3": .scale(4)], note: "", by: "qa1", on: card, now: t0)
        }
        #expect(throws: QAWorkflowError.self) {
            try workflow.resolveDispute(disputed, accept: true, revisedAnswers: ["q1": .no], note: "", by: "sup", on: card, now: t0)
        }
        let accepted = try workflow.resolveDispute(
            disputed, accept: true, revisedAnswers: ["q3": .scale(4)], note: "agreed", by: "sup", on: card, now: t0 + 40)
        #expect(accepted.state == .final)
        #expect(accepted.score?.percent == 100)
        let entry = try #require(accepted.history.last)
        #expect(entry.action == "disputeAccepted")
        #expect(abs(entry.fromPercent! - 92.857) < 0.001)
        #expect(entry.toPercent == 100)
        #expect(entry.actorID == "sup")

        let rejected = try workflow.resolveDispute(disputed, accept: false, revisedAnswers: [:], note: "stands", by: "sup", on: card, now: t0 + 40)
        #expect(rejected.score == disputed.score)
        #expect(rejected.history.last?.action == "disputeRejected")
    }

    @Test("an evaluation stays on its scorecard version: a newer version cannot re-score it")
    func versioning() throws {
        var newer = card
        newer.version = 2
        newer.sections[0].questions[0].points = 50
        let evaluation = try submitted()
        let disputed = try workflow.dispute(evaluation, questions: ["q3"], reason: "r", by: "agent1", now: t0 + 20)
        #expect(throws: QAWorkflowError.scorecardMismatch) {
            try workflow.resolveDispute(disputed, accept: true, revisedAnswers: ["q3": .scale(4)], note: "", by: "sup", on: newer, now: t0)
        }
        #expect(abs(evaluation.score!.percent! - 92.857) < 0.001)
    }
}
