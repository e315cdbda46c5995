/// Why an evaluation step was refused.
public enum QAWorkflowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// This person may not do this (403).
    case notAllowed(String)
    /// The evaluation is not in a state that allows the step (409).
    case invalidState(current: Evaluation.State, action: String)
    /// The same evaluator already scored this call on this scorecard (409).
    case duplicateEvaluation(existingID: String)
    /// The dispute window has closed (422).
    case deadlinePassed
    /// Disputes may only contest answers below the question's maximum (422).
    case notDisputable(questionIDs: [String])
    /// A comment or dispute is malformed (400).
    case invalidInput(String)
    /// Answers that do not fit the scorecard (422).
    case answers(QAAnswerError)
    /// The evaluation's scorecard version is not the one given (409).
    case scorecardMismatch

    public var description: String {
        switch self {
        case .notAllowed(let why): "not allowed: \(why)"
        case .invalidState(let current, let action): "cannot \(action) an evaluation that is \(current.rawValue)"
        case .duplicateEvaluation(let id): "this evaluator already scored this call on this scorecard (evaluation \(id))"
        case .deadlinePassed: "the dispute deadline has passed"
        case .notDisputable(let ids): "only answers below the maximum can be disputed: \(ids.joined(separator: ", "))"
        case .invalidInput(let why): why
        case .answers(let error): "answers: \(error)"
        case .scorecardMismatch: "the scorecard does not match the evaluation's scorecard version"
        }
    }
}
