/// Answers that do not fit the scorecard, every problem listed.
public struct QAAnswerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One bad or missing answer.
    public struct Problem: Sendable, Hashable, Codable, CustomStringConvertible {
        public enum Code: String, Sendable, Hashable, Codable {
            /// A question was left unanswered.
            case missing
            /// The answer names a question the scorecard does not have.
            case unknownQuestion
            /// N/A on a question that does not allow it.
            case notApplicableNotAllowed
            /// yes/no on a scale question, or a number on a yes/no question.
            case wrongKind
            /// A scale value outside 0...max.
            case outOfRange
        }

        public var code: Code
        public var questionID: String
        public var message: String

        public init(_ code: Code, question questionID: String, _ message: String) {
            self.code = code
            self.questionID = questionID
            self.message = message
        }

        public var description: String { "question '\(questionID)': \(message)" }
    }

    public var problems: [Problem]

    public init(problems: [Problem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "; ") }
}
