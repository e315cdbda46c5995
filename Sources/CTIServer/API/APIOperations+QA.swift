import CTICore

/// The QA routes (`/api/qa/*`, `/api/recordings/*`), documented with their exact bodies
/// (``APISchemas`` `qaRequests` / `qaResponses`); docs/qa.md explains the rules.
extension APIOperations {
    static let qa: [APIOperation] = [
        .init("GET", "/api/qa/worklist", tag: "qa", "Calls sampled for the caller to score (admins: every list).",
              reply: .json(.array(.ref("QAWorkListItem")))),
        .init("GET", "/api/qa/scorecards", tag: "qa", "The latest version of every scorecard.", reply: .json(.array(.ref("Scorecard")))),
        .init("POST", "/api/qa/scorecards", tag: "qa", "Publish a scorecard as its next version (QA, admins; version is ignored).",
              body: .ref("Scorecard"), status: 201, reply: .json(.ref("Scorecard"))),
        .init("GET", "/api/qa/scorecards/{id}", tag: "qa", "A scorecard: the latest or one version.",
              query: [.init("version", .integer, "The version (default: latest).")], reply: .json(.ref("Scorecard"))),
        .init("GET", "/api/qa/evaluations", tag: "qa", "Evaluations the caller may see (agents: their own, submitted).",
              query: [
                .init("agent", .string(), "Agent id."), .init("evaluator", .string(), "Evaluator username."),
                .init("call", .string(), "Call id."), .init("state", .enumeration(Evaluation.State.self), "The state."),
              ], reply: .json(.array(.ref("Evaluation")))),
        .init("POST", "/api/qa/evaluations", tag: "qa", "Start a draft on a recorded call (never one's own).", body: .ref("QAStartRequest"),
              status: 201, reply: .json(.ref("Evaluation")), errors: [409]),
        .init("GET", "/api/qa/evaluations/{id}", tag: "qa", "One evaluation.", reply: .json(.ref("Evaluation"))),
        .init("PUT", "/api/qa/evaluations/{id}", tag: "qa", "Save answers and timeline comments on a draft.", body: .ref("QADraftRequest"),
              reply: .json(.ref("Evaluation")), errors: [409]),
        .init("POST", "/api/qa/evaluations/{id}/submit", tag: "qa", "Score and show to the agent.", reply: .json(.ref("Evaluation")),
              errors: [409, 422]),
        .init("POST", "/api/qa/evaluations/{id}/acknowledge", tag: "qa", "The agent accepts.", reply: .json(.ref("Evaluation")),
              errors: [409]),
        .init("POST", "/api/qa/evaluations/{id}/dispute", tag: "qa", "The agent contests answers below the maximum.",
              body: .ref("QADisputeRequest"), reply: .json(.ref("Evaluation")), errors: [409]),
        .init("POST", "/api/qa/evaluations/{id}/review", tag: "qa", "Settle a dispute (not the evaluator).", body: .ref("QAReviewRequest"),
              reply: .json(.ref("Evaluation")), errors: [409]),
        .init("POST", "/api/qa/calibrations", tag: "qa", "Open a calibration session on a call.", body: .ref("QACalibrationRequest"),
              status: 201, reply: .json(.ref("CalibrationSession"))),
        .init("GET", "/api/qa/calibrations/{id}/report", tag: "qa", "Scores, spread and disagreeing questions.",
              reply: .json(.ref("CalibrationReport"))),
        .init("GET", "/api/qa/reports", tag: "qa", "Average scores by agent, team, queue, question, day or week (CSV with format=csv).",
              query: [
                .init("by", .enumeration(QAReport.Grouping.self), "Grouping (default agent)."),
                .init("from", .string(), "From this day or time (ISO 8601)."), .init("to", .string(), "Before this day or time."),
                .init("format", .string(values: ["json", "csv"]), "json (default) or csv."),
              ], reply: .json(.array(.ref("QAReportLine")))),
        .init("GET", "/api/recordings/{id}", tag: "qa", "A recording's index entry (the agent on the call, supervisors, QA, admins).",
              reply: .json(.ref("Recording"))),
        .init("POST", "/api/recordings/{id}/playback", tag: "qa",
              "A short-lived link to the recording's audio for an <audio> element (same access as the audio; no token in the URL).",
              reply: .json(.ref("PlaybackLink"))),
        .init("GET", "/api/recordings/{id}/audio", tag: "qa",
              "The recording's audio, with HTTP range requests (206, 416); bearer token, or ?grant= from a playback link.",
              query: [.init("grant", .string(), "The grant of a playback link, instead of the bearer token.")],
              reply: .text("audio/wav"), errors: [206, 416]),
    ]
}
