import CTICore
import Foundation
import Storage
import Testing

/// A two-section card used by the QA storage tests.
let qaStorageCard = Scorecard(
    id: "service", name: "Service", passingMark: 80,
    sections: [
        ScorecardSection(id: "A", title: "Greeting", questions: [
            ScorecardQuestion(id: "q1", text: "Greets", points: 10),
            ScorecardQuestion(id: "q3", text: "Tone", kind: .scale(max: 4), points: 20),
        ]),
        ScorecardSection(id: "B", title: "Resolution", questions: [
            ScorecardQuestion(id: "q4", text: "Resolves", points: 30),
        ]),
    ])

@Suite("QA storage: recordings, scorecards, evaluations, calibration")
struct QAStorageTests {
    func recording(_ id: String, call: String, agent: String = "1001", queue: String = "support", at: Date) -> RecordingEntry {
        RecordingEntry(
            id: id, callID: call, agentID: agent, queue: queue, customerID: nil, callerNumber: "+84912345678", startedAt: at,
            durationSeconds: 42.5, format: "wav", location: "\(id).wav")
    }

    @Test("recordings index: add, read back every field, find by call, list by time and agent, refuse duplicates and bad entries")
    func recordingsIndex() async throws {
        let test = try TestStore()
        let index = test.store.recordings
        let start = test.clock.now
        try await index.add(recording("r1", call: "c1", at: start))
        try await index.add(recording("r2", call: "c2", agent: "1002", at: start.addingTimeInterval(60)))
        let r1 = try await index.get(id: "r1")
        #expect(r1 == recording("r1", call: "c1", at: start))
        #expect(try await index.find(callID: "c2")?.id == "r2")
        #expect(try await index.find(callID: "nope") == nil)
        #expect(try await index.list(from: nil, to: nil, agentID: nil, limit: 10).map(\.id) == ["r1", "r2"])
        #expect(try await index.list(from: start.addingTimeInterval(1), to: nil, agentID: nil, limit: 10).map(\.id) == ["r2"])
        #expect(try await index.list(from: nil, to: nil, agentID: "1001", limit: 10).map(\.id) == ["r1"])
        await #expect(throws: RepositoryError.conflict("recording r1 is already indexed")) {
            try await index.add(recording("r1", call: "c9", at: start))
        }
        var bad = recording("r3", call: "c3", at: start)
        bad.location = "../../etc/passwd"
        bad.durationSeconds = -1
        do {
            try await index.add(bad)
            Issue.record("a bad entry was stored")
        } catch RepositoryError.validation(let error) {
            #expect(error.fields == ["durationSeconds", "location"])
        }
        await #expect(throws: RepositoryError.notFound(entity: "recording", id: "zz")) { try await index.get(id: "zz") }
    }

    @Test("deleting a recording marks it, hides it from lists and writes the audit log in the same transaction")
    func recordingDeletionAudited() async throws {
        let test = try TestStore()
        let index = test.store.recordings
        try await index.add(recording("r1", call: "c1", at: test.clock.now))
        test.clock.advance(seconds: 90)
        try await index.markDeleted(id: "r1", by: "retention", reason: "kept 30 days (queue support)")
        #expect(try await index.get(id: "r1").deletedAt == test.clock.now)
        #expect(try await index.list(from: nil, to: nil, agentID: nil, limit: 10).isEmpty)
        let audit = try await test.store.audit.entries(AuditQuery(entityType: "recording", entityID: "r1"))
        #expect(audit.items.map(\.action) == ["recording.delete"])
        #expect(audit.items[0].actor == "retention")
        #expect(audit.items[0].changes.contains(FieldChange(field: "reason", oldValue: nil, newValue: "kept 30 days (queue support)")))
        await #expect(throws: RepositoryError.conflict("recording r1 is already deleted")) {
            try await index.markDeleted(id: "r1", by: "retention", reason: "again")
        }
    }

    @Test("publishing a scorecard adds a version; old versions stay as they were, evaluations keep theirs")
    func scorecardVersions() async throws {
        let test = try TestStore()
        let cards = test.store.scorecards
        let v1 = try await cards.publish(qaStorageCard, by: "qa-lead")
        #expect(v1.version == 1)
        var edited = qaStorageCard
        edited.version = 99  // ignored: the store numbers versions
        edited.passingMark = 90
        edited.sections[1].questions.append(ScorecardQuestion(id: "q5", text: "Verifies identity", points: 10, critical: .form))
        let v2 = try await cards.publish(edited, by: "qa-lead")
        #expect(v2.version == 2)
        #expect(try await cards.latest(id: "service") == v2)
        #expect(try await cards.get(id: "service", version: 1) == v1)
        #expect(try await cards.versions(id: "service").map(\.version) == [1, 2])
        #expect(try await cards.list().map(\.version) == [2])

        let evaluation = Evaluation(
            id: "e1", callID: "c1", agentID: "1001", evaluatorID: "qa-lead", scorecardID: "service", scorecardVersion: 1,
            createdAt: test.clock.now)
        try await test.store.evaluations.create(evaluation)
        _ = try await cards.publish(edited, by: "qa-lead")
        #expect(try await test.store.evaluations.get(id: "e1").scorecardVersion == 1)
        let audit = try await test.store.audit.entries(AuditQuery(entityType: "scorecard"))
        #expect(audit.total == 3)
    }

    @Test("a broken scorecard is refused with every problem; unknown ids are not found")
    func scorecardValidation() async throws {
        let test = try TestStore()
        var broken = qaStorageCard
        broken.name = " "
        broken.passingMark = 120
        do {
            _ = try await test.store.scorecards.publish(broken, by: "qa-lead")
            Issue.record("a broken scorecard was published")
        } catch RepositoryError.validation(let error) {
            #expect(error.fields == ["name", "passingMark"])
        }
        await #expect(throws: RepositoryError.notFound(entity: "scorecard", id: "nope")) { try await test.store.scorecards.latest(id: "nope") }
        await #expect(throws: RepositoryError.notFound(entity: "scorecard", id: "nope")) { try await test.store.scorecards.versions(id: "nope") }
    }

    @Test("an evaluation round-trips answers, timeline comments, score, dispute and history through each workflow step")
    func evaluationLifecycle() async throws {
        let test = try TestStore()
        let card = try await test.store.scorecards.publish(qaStorageCard, by: "qa-lead")
        let repository = test.store.evaluations
        let workflow = EvaluationWorkflow()
        var evaluation = try workflow.start(
            id: "e1", callID: "c1", recordingID: "r1", agentID: "1001", evaluatorID: "qa-lead", scorecard: card, existing: [],
            now: test.clock.now)
        try await repository.create(evaluation)
        evaluation = try workflow.answer(evaluation, with: ["q1": .yes, "q3": .scale(2)], by: "qa-lead", on: card)
        evaluation = try workflow.comment(evaluation, at: 12.5, text: "No greeting name", by: "qa-lead", recordingDuration: 40, now: test.clock.now)
        evaluation = try workflow.comment(evaluation, at: 3, text: "Good opening", by: "qa-lead", recordingDuration: 40, now: test.clock.now)
        try await repository.save(evaluation, expecting: .draft)
        #expect(try await repository.get(id: "e1") == evaluation)
        #expect(try await repository.get(id: "e1").comments.map(\.offsetSeconds) == [3, 12.5])

        evaluation = try workflow.answer(evaluation, with: ["q4": .no], by: "qa-lead", on: card)
        evaluation = try workflow.submit(evaluation, by: "qa-lead", on: card, existing: [], now: test.clock.now)
        try await repository.save(evaluation, expecting: .draft)
        test.clock.advance(seconds: 3600)
        evaluation = try workflow.dispute(evaluation, questions: ["q4"], reason: "I did resolve it", by: "1001", now: test.clock.now)
        try await repository.save(evaluation, expecting: .submitted)
        evaluation = try workflow.resolveDispute(
            evaluation, accept: true, revisedAnswers: ["q4": .yes], note: "fair", by: "supervisor", on: card, now: test.clock.now)
        try await repository.save(evaluation, expecting: .disputed)
        let stored = try await repository.get(id: "e1")
        #expect(stored == evaluation)
        #expect(stored.state == .final)
        #expect(stored.history.map(\.action) == ["submitted", "disputed", "disputeAccepted"])
        #expect(stored.score?.percent == 50.0 / 60.0 * 100)

        // A stale writer (still thinking it is a draft) is refused.
        await #expect(throws: RepositoryError.conflict("evaluation e1 is final, not draft")) {
            try await repository.save(evaluation, expecting: .draft)
        }
        var moved = evaluation
        moved.agentID = "1002"
        await #expect(throws: RepositoryError.conflict("an evaluation's call, agent, evaluator and scorecard never change")) {
            try await repository.save(moved, expecting: .final)
        }
    }

    @Test("listing evaluations filters by agent, evaluator, call and state; a duplicate id or an unknown scorecard is refused")
    func evaluationQueries() async throws {
        let test = try TestStore()
        _ = try await test.store.scorecards.publish(qaStorageCard, by: "qa-lead")
        let repository = test.store.evaluations
        for (id, call, agent, evaluator) in [("e1", "c1", "1001", "qa-lead"), ("e2", "c2", "1002", "qa-lead"), ("e3", "c1", "1001", "supervisor")] {
            test.clock.advance(seconds: 10)
            try await repository.create(Evaluation(
                id: id, callID: call, agentID: agent, evaluatorID: evaluator, scorecardID: "service", scorecardVersion: 1,
                createdAt: test.clock.now))
        }
        var e2 = try await repository.get(id: "e2")
        e2.state = .submitted
        try await repository.save(e2, expecting: .draft)
        #expect(try await repository.list(EvaluationFilter()).map(\.id) == ["e3", "e2", "e1"])
        #expect(try await repository.list(EvaluationFilter(agentID: "1001")).map(\.id) == ["e3", "e1"])
        #expect(try await repository.list(EvaluationFilter(evaluatorID: "qa-lead")).map(\.id) == ["e2", "e1"])
        #expect(try await repository.list(EvaluationFilter(callID: "c1", states: [.draft])).map(\.id) == ["e3", "e1"])
        #expect(try await repository.list(EvaluationFilter(states: [.submitted, .final])).map(\.id) == ["e2"])
        #expect(try await repository.list(EvaluationFilter(states: [])).isEmpty)
        await #expect(throws: RepositoryError.conflict("evaluation e1 already exists")) {
            try await repository.create(Evaluation(
                id: "e1", callID: "c9", agentID: "1001", evaluatorID: "x", scorecardID: "service", scorecardVersion: 1, createdAt: test.clock.now))
        }
        await #expect(throws: RepositoryError.notFound(entity: "scorecard", id: "service v7")) {
            try await repository.create(Evaluation(
                id: "e9", callID: "c9", agentID: "1001", evaluatorID: "x", scorecardID: "service", scorecardVersion: 7, createdAt: test.clock.now))
        }
    }

    @Test("calibration sessions: stored and listed newest first; fewer than two evaluators or an outside expert refused")
    func calibrationSessions() async throws {
        let test = try TestStore()
        _ = try await test.store.scorecards.publish(qaStorageCard, by: "qa-lead")
        let sessions = test.store.calibrations
        let first = CalibrationSession(
            id: "cal1", callID: "c1", scorecardID: "service", scorecardVersion: 1, evaluatorIDs: ["qa-lead", "supervisor", "qa-2"],
            expertID: "qa-lead", createdBy: "supervisor", createdAt: test.clock.now)
        try await sessions.create(first)
        test.clock.advance(seconds: 5)
        var second = first
        second.id = "cal2"
        second.createdAt = test.clock.now
        try await sessions.create(second)
        #expect(try await sessions.get(id: "cal1") == first)
        #expect(try await sessions.list().map(\.id) == ["cal2", "cal1"])
        var bad = first
        bad.id = "cal3"
        bad.evaluatorIDs = ["qa-lead"]
        bad.expertID = "boss"
        do {
            try await sessions.create(bad)
            Issue.record("a bad session was stored")
        } catch RepositoryError.validation(let error) {
            #expect(error.fields == ["evaluatorIDs", "expertID"])
        }
        await #expect(throws: RepositoryError.conflict("calibration session cal1 already exists")) { try await sessions.create(first) }
    }

    @Test("the QA tables survive closing and reopening the file")
    func reopen() async throws {
        let directory = try TemporaryDirectory()
        let configuration = try StorageConfiguration(path: directory.file("qa.sqlite"), defaultCountry: "VN")
        let store = try CTIStore.open(configuration)
        _ = try await store.scorecards.publish(qaStorageCard, by: "qa-lead")
        try await store.recordings.add(recording("r1", call: "c1", at: Date(timeIntervalSince1970: 1_800_000_000)))
        try store.close()
        let reopened = try CTIStore.open(configuration)
        #expect(try await reopened.scorecards.latest(id: "service").version == 1)
        #expect(try await reopened.recordings.get(id: "r1").callID == "c1")
    }
}
