/// The QA routes (`/api/qa/*`, `/api/recordings/*`), documented; bodies as in docs/qa.md.
extension APIOperations {
    static let qa: [APIOperation] = [
        .init("GET", "/api/qa/worklist", tag: "qa", "Calls sampled for the caller to score (admins: every list).", reply: .json(.any)),
        .init("GET", "/api/qa/scorecards", tag: "qa", "The latest version of every scorecard.", reply: .json(.any)),
        .init("POST", "/api/qa/scorecards", tag: "qa", "Publish a scorecard as its next version (QA, admins).", body: .any, status: 201,
              reply: .json(.any)),
        .init("GET", "/api/qa/scorecards/{id}", tag: "qa", "A scorecard: the latest or one version.",
              query: [.init("version", .integer, "The version (default: latest).")], reply: .json(.any)),
        .init("GET", "/api/qa/evaluations", tag: "qa", "Evaluations the caller may see (agents: their own, submitted).",
              query: [
                .init("agent", .string(), "Agent id."), .init("evaluator", .string(), "Evaluator username."),
                .init("call", .string(), "Call id."), .init("state", .string(), "draft, submitted, acknowledged, disputed or final."),
              ], reply: .json(.any)),
        .init("POST", "/api/qa/evaluations", tag: "qa", "Start a draft on a recorded call (never one's own).", body: .any, status: 201,
              reply: .json(.any)),
        .init("GET", "/api/qa/evaluations/{id}", tag: "qa", "One evaluation.", reply: .json(.any)),
        .init("PUT", "/api/qa/evaluations/{id}", tag: "qa", "Save answers and timeline comments on a draft.", body: .any, reply: .json(.any)),
        .init("POST", "/api/qa/evaluations/{id}/submit", tag: "qa", "Score and show to the agent.", reply: .json(.any)),
        .init("POST", "/api/qa/evaluations/{id}/acknowledge", tag: "qa", "The agent accepts.", reply: .json(.any)),
        .init("POST", "/api/qa/evaluations/{id}/dispute", tag: "qa", "The agent contests answers below the maximum.", body: .any,
              reply: .json(.any)),
        .init("POST", "/api/qa/evaluations/{id}/review", tag: "qa", "Settle a dispute (not the evaluator).", body: .any,
              reply: .json(.any)),
        .init("POST", "/api/qa/calibrations", tag: "qa", "Open a calibration session on a call.", body: .any, status: 201,
              reply: .json(.any)),
        .init("GET", "/api/qa/calibrations/{id}/report", tag: "qa", "Scores, spread and disagreeing questions.", reply: .json(.any)),
        .init("GET", "/api/qa/reports", tag: "qa", "Average scores by agent, team, queue, question, day or week.",
              query: [
                .init("by", .string(), "agent (default), team, queue, question, day, week."),
                .init("from", .string(), "From this day or time (ISO 8601)."), .init("to", .string(), "Before this day or time."),
                .init("format", .string(), "json (default) or csv."),
              ], reply: .json(.any)),
        .init("GET", "/api/recordings/{id}", tag: "qa", "A recording's index entry (the agent on the call, supervisors, QA, admins).",
              reply: .json(.any)),
        .init("GET", "/api/recordings/{id}/audio", tag: "qa", "The recording's audio, with HTTP range requests (206, 416).",
              reply: .text("audio/wav"), errors: [206, 416]),
    ]
}
