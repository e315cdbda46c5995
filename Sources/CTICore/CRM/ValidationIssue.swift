/// One bad field in an input: which field and why.
public struct ValidationIssue: Error, Codable, Sendable, Hashable {
    /// The field path, e.g. `phoneNumbers[1]` or `subject`.
    public var field: String
    /// What is wrong, for a person to read.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Input that failed validation: every bad field is listed, not only the first.
public struct CRMValidationError: Error, Codable, Sendable, Hashable, CustomStringConvertible {
    /// All problems found, in field order.
    public var issues: [ValidationIssue]

    public init(issues: [ValidationIssue]) { self.issues = issues }

    /// The fields that were rejected.
    public var fields: [String] { issues.map(\.field) }

    public var description: String {
        "invalid input: " + issues.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
    }
}

/// Collects issues while checking an input, then throws them all at once.
public struct ValidationCollector: Sendable {
    /// Issues found so far.
    public private(set) var issues: [ValidationIssue] = []

    public init() {}

    /// Records a problem with `field`.
    public mutating func add(_ field: String, _ message: String) {
        issues.append(ValidationIssue(field: field, message: message))
    }

    /// Records a problem unless `condition` holds.
    public mutating func require(_ condition: Bool, _ field: String, _ message: String) {
        if !condition { add(field, message) }
    }

    /// Checks a text length (after trimming) lies within `range`.
    public mutating func checkLength(_ text: String?, _ field: String, _ range: ClosedRange<Int>) {
        guard let text else { return }
        let count = text.count
        if count < range.lowerBound {
            add(field, range.lowerBound == 1 ? "must not be empty" : "must be at least \(range.lowerBound) characters")
        } else if count > range.upperBound {
            add(field, "must be at most \(range.upperBound) characters")
        }
    }

    /// Throws a `CRMValidationError` when anything was recorded.
    public func finish() throws(CRMValidationError) {
        if !issues.isEmpty { throw CRMValidationError(issues: issues) }
    }
}
