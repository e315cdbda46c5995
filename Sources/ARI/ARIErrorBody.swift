import Foundation

/// The body Asterisk sends with an error status: `{"message": …}`, or `{"error": …}` for some
/// server failures (a 500 for an originate to a bogus technology).
public struct ARIErrorBody: Codable, Sendable, Hashable {
    /// Asterisk's explanation.
    public var message: String?
    /// The alternative key some 5xx answers use.
    public var error: String?

    /// A body with a message.
    public init(message: String? = nil, error: String? = nil) {
        self.message = message
        self.error = error
    }

    /// Whichever text the body carries.
    public var text: String? { message ?? error }
}

extension ARIError {
    /// The error for an HTTP error answer; `body` is decoded leniently (any JSON or none).
    public static func http(status: Int, body: [UInt8], method: String, path: String) -> ARIError {
        let text = (try? JSONDecoder().decode(ARIErrorBody.self, from: Data(body)))?.text
        let detail = text.map { ": \($0)" } ?? ""
        return ARIError(code(forStatus: status), "\(method) \(path) failed\(detail)", status: status, asteriskMessage: text)
    }

    /// The error for a body or event that does not match the models, with the failing path spelled out.
    public static func decoding(_ error: any Error, what: String) -> ARIError {
        ARIError(.decoding, "cannot decode \(what): \(describe(error))")
    }

    private static func describe(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "required field '\(key.stringValue)' missing at \(path(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "wrong type at \(path(context.codingPath)), expected \(type)"
        case .valueNotFound(let type, let context):
            return "null at \(path(context.codingPath)), expected \(type)"
        case .dataCorrupted(let context):
            return "invalid JSON at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
