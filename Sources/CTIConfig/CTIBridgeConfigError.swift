/// Everything wrong with a configuration, found in one pass (not just the first problem).
///
/// Messages never contain a secret's value.
public struct CTIBridgeConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One problem with one key (or with the configuration file itself).
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The configuration key (`asterisk.ami.port`), or the file's path for problems with the file.
        public var key: String
        /// What kind of problem.
        public var code: Code
        /// A sentence saying what is wrong and where the value came from.
        public var message: String

        /// A problem with `key`.
        public init(key: String, code: Code, message: String) {
            self.key = key
            self.code = code
            self.message = message
        }

        public var description: String { "\(key): \(message)" }
    }

    /// The kinds of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case missing, wrongType, outOfRange, unknownValue, invalidValue, fileNotFound, invalidFile
        }

        private let base: Base

        /// A required key has no value.
        public static let missing = Code(base: .missing)
        /// The value is not of the expected type (text where a number belongs, …).
        public static let wrongType = Code(base: .wrongType)
        /// A number outside its allowed range (ports, timeouts).
        public static let outOfRange = Code(base: .outOfRange)
        /// A word outside its allowed set (auth method, log level, format, event class).
        public static let unknownValue = Code(base: .unknownValue)
        /// A value of the right type that is still unusable (empty host, line break in a secret).
        public static let invalidValue = Code(base: .invalidValue)
        /// The configuration file does not exist.
        public static let fileNotFound = Code(base: .fileNotFound)
        /// The configuration file could not be read as a JSON object.
        public static let invalidFile = Code(base: .invalidFile)

        public var description: String { base.rawValue }
    }

    /// Every problem, in the order the keys are read.
    public var problems: [Problem]

    /// An error carrying these problems.
    public init(problems: [Problem]) {
        self.problems = problems
    }

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return (["configuration has \(count):"] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}
