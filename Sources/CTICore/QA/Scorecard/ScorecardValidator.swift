/// A scorecard that cannot be used, every problem listed.
public struct ScorecardValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One problem, with the field it concerns (`sections[1].questions[0].points`).
    public struct Problem: Sendable, Hashable, Codable, CustomStringConvertible {
        public var field: String
        public var message: String

        public init(field: String, _ message: String) {
            self.field = field
            self.message = message
        }

        public var description: String { "\(field): \(message)" }
    }

    public var problems: [Problem]

    public init(problems: [Problem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "; ") }
}

/// Checks a scorecard before it is published.
public enum ScorecardValidator {
    /// Every problem with `scorecard`; empty when it can be used.
    public static func problems(in scorecard: Scorecard) -> [ScorecardValidationError.Problem] {
        var problems: [ScorecardValidationError.Problem] = []
        func add(_ field: String, _ message: String) { problems.append(.init(field: field, message)) }

        if scorecard.id.allSatisfy(\.isWhitespace) { add("id", "must not be empty") }
        if scorecard.name.allSatisfy(\.isWhitespace) { add("name", "must not be empty") }
        if scorecard.version < 1 { add("version", "must be 1 or more, got \(scorecard.version)") }
        if !(0...100).contains(scorecard.passingMark) {
            add("passingMark", "must be a percentage from 0 to 100, got \(scorecard.passingMark)")
        }
        if scorecard.sections.isEmpty { add("sections", "a scorecard needs at least one section") }

        var sectionIDs: Set<String> = []
        var questionIDs: Set<String> = []
        for (s, section) in scorecard.sections.enumerated() {
            let path = "sections[\(s)]"
            if section.id.allSatisfy(\.isWhitespace) { add("\(path).id", "must not be empty") }
            if !sectionIDs.insert(section.id).inserted { add("\(path).id", "duplicate section id \(section.id.debugDescription)") }
            if section.title.allSatisfy(\.isWhitespace) { add("\(path).title", "must not be empty") }
            if !(section.weight.isFinite && section.weight > 0) {
                add("\(path).weight", "must be a positive number, got \(section.weight)")
            }
            if section.questions.isEmpty { add("\(path).questions", "a section needs at least one question") }
            for (q, question) in section.questions.enumerated() {
                let path = "\(path).questions[\(q)]"
                if question.id.allSatisfy(\.isWhitespace) { add("\(path).id", "must not be empty") }
                if !questionIDs.insert(question.id).inserted {
                    add("\(path).id", "duplicate question id \(question.id.debugDescription)")
                }
                if question.text.allSatisfy(\.isWhitespace) { add("\(path).text", "must not be empty") }
                if !(question.points.isFinite && question.points > 0) {
                    add("\(path).points", "must be a positive number, got \(question.points)")
                }
                if case .scale(let max) = question.kind, !(1...100).contains(max) {
                    add("\(path).kind", "a scale must run from 0 to a maximum of 1 to 100, got \(max)")
                }
                if let weight = question.weight, !(weight.isFinite && weight > 0) {
                    add("\(path).weight", "must be a positive number, got \(weight)")
                }
            }
        }
        return problems
    }

    /// Throws every problem at once.
    public static func validate(_ scorecard: Scorecard) throws(ScorecardValidationError) {
        let problems = problems(in: scorecard)
        guard problems.isEmpty else { throw ScorecardValidationError(problems: problems) }
    }
}
