/// An evaluator's answer to one question.
public enum QAAnswer: Sendable, Hashable, Codable, CustomStringConvertible {
    case yes
    case no
    /// Not applicable: the question leaves both earned and possible points.
    case notApplicable
    /// A value on a scale question.
    case scale(Int)

    public var description: String {
        switch self {
        case .yes: "yes"
        case .no: "no"
        case .notApplicable: "N/A"
        case .scale(let value): "\(value)"
        }
    }

    /// The answer as the API and CSV write it: `yes`, `no`, `na` or a number.
    public var wireValue: String {
        switch self {
        case .yes: "yes"
        case .no: "no"
        case .notApplicable: "na"
        case .scale(let value): String(value)
        }
    }

    /// Reads `yes`, `no`, `na`/`n/a` or a whole number.
    public init?(wireValue: String) {
        switch wireValue.lowercased() {
        case "yes": self = .yes
        case "no": self = .no
        case "na", "n/a": self = .notApplicable
        default:
            guard let value = Int(wireValue) else { return nil }
            self = .scale(value)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .scale(number)
            return
        }
        let text = try container.decode(String.self)
        guard let answer = QAAnswer(wireValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected yes, no, na or a number, got \(text.debugDescription)")
        }
        self = answer
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if case .scale(let value) = self { try container.encode(value) } else { try container.encode(wireValue) }
    }
}
