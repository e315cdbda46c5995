import CTICore

/// The QA bodies (`/api/qa/*`, `/api/recordings/*`) as named schemas: exactly the JSON the QA
/// routes read and write (``QAService`` types, encoded with ISO 8601 dates; absent optionals are left out).
extension APISchemas {
    static let qaRequests: [String: APISchema] = [
        "Scorecard": scorecard,
        "QAStartRequest": .object([APIProperty("callID", text, required: true), APIProperty("scorecardID", text, required: true)]),
        "QADraftRequest": .object([
            APIProperty("answers", .map(.ref("QAAnswer"))),
            APIProperty("comments", .array(.object([APIProperty("offsetSeconds", .number, required: true), APIProperty("text", text, required: true)]))),
        ]),
        "QADisputeRequest": .object([APIProperty("questionIDs", texts, required: true), APIProperty("reason", text, required: true)]),
        "QAReviewRequest": .object([
            APIProperty("accept", .boolean, required: true), APIProperty("revisedAnswers", .map(.ref("QAAnswer"))),
            APIProperty("note", text, required: true),
        ]),
        "QACalibrationRequest": .object([
            APIProperty("callID", text, required: true), APIProperty("scorecardID", text, required: true),
            APIProperty("evaluatorIDs", texts, required: true), APIProperty("expertID", text),
        ]),
    ]

    static let qaResponses: [String: APISchema] = [
        // yes, no, na (not applicable) or the value on a scale.
        "QAAnswer": .oneOf([.string(values: ["yes", "no", "na"]), .integer]),
        "QAWorkListItem": .object([
            APIProperty("callID", text, required: true), APIProperty("agentID", text, required: true),
            APIProperty("evaluatorID", text, required: true), APIProperty("reason", text, required: true),
            APIProperty("recordingID", text), APIProperty("queue", text), APIProperty("startedAt", .dateTime),
            APIProperty("durationSeconds", .number), APIProperty("draftID", text),
        ]),
        "QAScore": .object([
            APIProperty("percent", .number), APIProperty("rawPercent", .number), APIProperty("autoFailed", .boolean, required: true),
            APIProperty("passed", .boolean, required: true),
            APIProperty(
                "sections",
                .array(.object([
                    APIProperty("sectionID", text, required: true), APIProperty("earned", .number, required: true),
                    APIProperty("possible", .number, required: true), APIProperty("percent", .number),
                    APIProperty("zeroed", .boolean, required: true),
                ])), required: true),
            APIProperty(
                "questions",
                .array(.object([
                    APIProperty("questionID", text, required: true), APIProperty("answer", .ref("QAAnswer"), required: true),
                    APIProperty("earned", .number), APIProperty("possible", .number), APIProperty("failedCritical", .boolean, required: true),
                ])), required: true),
        ]),
        "Evaluation": .object([
            APIProperty("id", text, required: true), APIProperty("callID", text, required: true), APIProperty("recordingID", text),
            APIProperty("agentID", text, required: true), APIProperty("evaluatorID", text, required: true),
            APIProperty("scorecardID", text, required: true), APIProperty("scorecardVersion", .integer, required: true),
            APIProperty("state", .enumeration(Evaluation.State.self), required: true),
            APIProperty("answers", .map(.ref("QAAnswer")), required: true),
            APIProperty(
                "comments",
                .array(.object([
                    APIProperty("offsetSeconds", .number, required: true), APIProperty("authorID", text, required: true),
                    APIProperty("text", text, required: true), APIProperty("at", .dateTime, required: true),
                ])), required: true),
            APIProperty("score", .ref("QAScore")), APIProperty("createdAt", .dateTime, required: true),
            APIProperty("submittedAt", .dateTime), APIProperty("disputeDeadline", .dateTime),
            APIProperty(
                "dispute",
                .object([
                    APIProperty("questionIDs", texts, required: true), APIProperty("reason", text, required: true),
                    APIProperty("raisedAt", .dateTime, required: true), APIProperty("reviewerID", text),
                    APIProperty("resolvedAt", .dateTime), APIProperty("accepted", .boolean), APIProperty("reviewNote", text),
                ])),
            APIProperty(
                "history",
                .array(.object([
                    APIProperty("at", .dateTime, required: true), APIProperty("actorID", text, required: true),
                    APIProperty("action", text, required: true), APIProperty("fromPercent", .number), APIProperty("toPercent", .number),
                    APIProperty("detail", text, required: true),
                ])), required: true),
        ]),
        "CalibrationSession": .object([
            APIProperty("id", text, required: true), APIProperty("callID", text, required: true),
            APIProperty("scorecardID", text, required: true), APIProperty("scorecardVersion", .integer, required: true),
            APIProperty("evaluatorIDs", texts, required: true), APIProperty("expertID", text),
            APIProperty("createdBy", text, required: true), APIProperty("createdAt", .dateTime, required: true),
        ]),
        "CalibrationReport": .object([
            APIProperty("callID", text, required: true),
            APIProperty(
                "entries",
                .array(.object([
                    APIProperty("evaluatorID", text, required: true), APIProperty("percent", .number),
                    APIProperty("isExpert", .boolean, required: true),
                ])), required: true),
            APIProperty("mean", .number), APIProperty("minimum", .number), APIProperty("maximum", .number), APIProperty("range", .number),
            APIProperty("standardDeviation", .number), APIProperty("meanAbsoluteDeviationFromExpert", .number),
            APIProperty(
                "questions",
                .array(.object([
                    APIProperty("questionID", text, required: true), APIProperty("majorityAnswer", .ref("QAAnswer"), required: true),
                    APIProperty("agreement", .number, required: true), APIProperty("answers", .map(.ref("QAAnswer")), required: true),
                ])), required: true),
        ]),
        "QAReportLine": .object([
            APIProperty("key", text, required: true), APIProperty("count", .integer, required: true),
            APIProperty("average", .number, required: true), APIProperty("minimum", .number, required: true),
            APIProperty("maximum", .number, required: true),
        ]),
        "Recording": .object([
            APIProperty("id", text, required: true), APIProperty("callID", text, required: true), APIProperty("agentID", text),
            APIProperty("queue", text), APIProperty("customerID", .integer), APIProperty("callerNumber", text),
            APIProperty("startedAt", .dateTime, required: true), APIProperty("durationSeconds", .number, required: true),
            APIProperty("format", text, required: true), APIProperty("location", text, required: true),
            APIProperty("deletedAt", .dateTime),
        ]),
        "PlaybackLink": .object([APIProperty("url", text, required: true), APIProperty("expiresAt", .dateTime, required: true)]),
    ]

    /// A scorecard, as published (its `version` is ignored: the next one is given) and as answered.
    static let scorecard: APISchema = {
        let kind = APISchema.object([
            APIProperty("yesNo", .object([])),
            APIProperty("scale", .object([APIProperty("max", .integer, required: true)])),
        ])
        let question = APISchema.object([
            APIProperty("id", text, required: true), APIProperty("text", text, required: true), APIProperty("kind", kind, required: true),
            APIProperty("points", .number, required: true), APIProperty("allowsNA", .boolean, required: true),
            APIProperty("critical", .enumeration(ScorecardQuestion.Criticality.self), required: true), APIProperty("weight", .number),
        ])
        let section = APISchema.object([
            APIProperty("id", text, required: true), APIProperty("title", text, required: true),
            APIProperty("weight", .number, required: true), APIProperty("questions", .array(question), required: true),
        ])
        return .object([
            APIProperty("id", text, required: true), APIProperty("version", .integer, required: true),
            APIProperty("name", text, required: true), APIProperty("passingMark", .number, required: true),
            APIProperty("mode", .enumeration(QAScoringMode.self), required: true), APIProperty("sections", .array(section), required: true),
        ])
    }()

    /// Problems of `value` against the named schema (empty when it fits exactly): lets tests
    /// hold the documented schemas to what the routes really send and read.
    public static func problems(in value: JSONValue, against name: String) -> [String] {
        APISchema.ref(name).check(value, at: "", components: components).problems.map { "\($0.field): \($0.problem)" }
    }
}
