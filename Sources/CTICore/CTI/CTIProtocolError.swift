/// A problem with a CTI frame or request, sent to the client as an `error` frame.
///
/// Codes in `closesConnection` end the socket (with the WebSocket close code given);
/// the others are answered with an error frame and the socket stays open.
public struct CTIProtocolError: Error, Codable, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable across versions.
    public struct Code: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The frame is not JSON, or not an object with `v` and `type`.
        public static let malformedJSON = Code(rawValue: "malformedJSON")
        /// `v` is not a version this server speaks.
        public static let unsupportedVersion = Code(rawValue: "unsupportedVersion")
        /// `type` is not one this server knows.
        public static let unknownType = Code(rawValue: "unknownType")
        /// `data` is missing or has the wrong shape for the type.
        public static let invalidData = Code(rawValue: "invalidData")
        /// The frame exceeds the size limit; the socket is closed (1009).
        public static let frameTooLarge = Code(rawValue: "frameTooLarge")
        /// No valid token; the socket is closed (1008).
        public static let unauthorized = Code(rawValue: "unauthorized")
        /// The principal may not do this (for example a supervisor feed for an agent).
        public static let forbidden = Code(rawValue: "forbidden")
        /// The token was revoked while connected; the socket is closed (1008).
        public static let tokenRevoked = Code(rawValue: "tokenRevoked")
        /// An acknowledgement names a sequence number never issued.
        public static let invalidSequence = Code(rawValue: "invalidSequence")
        /// The action was refused by the ACD or ticket system (for example a call in the wrong state).
        public static let actionRejected = Code(rawValue: "actionRejected")
        /// A record the action names does not exist, or the agent may not see it (both are
        /// answered alike, so a refusal tells nothing about records the agent cannot see).
        public static let notFound = Code(rawValue: "notFound")
        /// The action's input is invalid; the message names every bad field.
        public static let validationFailed = Code(rawValue: "validationFailed")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    /// The WebSocket close code when this error ends the connection, else nil.
    public var closeCode: UInt16? {
        switch code {
        case .frameTooLarge: 1009
        case .unauthorized, .tokenRevoked: 1008
        default: nil
        }
    }

    /// A short reason for a decoding failure, naming the field but never echoing values.
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        case DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty ? "invalid data" : "invalid value at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        default: "invalid data"
        }
    }
}
