/// What the AMI decoder produces from the byte stream.
public enum AMIFrame: Sendable, Hashable {
    /// The banner Asterisk sends first, e.g. `Asterisk Call Manager/11.0.0` (matched by prefix).
    case greeting(version: String)
    /// A complete message (response or event).
    case message(AMIMessage)
    /// Bytes that were not a valid message; the connection goes on after them.
    case malformed(AMIFrameError)
}

/// A frame the decoder had to reject, with the offending text kept (up to a bound) for the log.
public struct AMIFrameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the frame was rejected.
    public enum Code: String, Sendable, Hashable {
        /// A header line with no `:`.
        case missingColon
        /// A single line longer than the configured limit.
        case lineTooLong
        /// A message larger than the configured byte limit.
        case messageTooLarge
        /// A message with more header lines than the configured limit.
        case tooManyHeaders
        /// The connection ended in the middle of a message.
        case truncated
        /// The first line of the connection was not an Asterisk Call Manager banner.
        case unexpectedGreeting
    }

    /// Longest excerpt of the offending bytes kept in the error.
    public static let excerptLimit = 256

    /// Why the frame was rejected.
    public var code: Code
    /// How many bytes were dropped.
    public var byteCount: Int
    /// The start of the offending bytes, for diagnosis.
    public var excerpt: String

    /// An error for `byteCount` rejected bytes starting with `excerpt`.
    public init(code: Code, byteCount: Int, excerpt: some Collection<UInt8>) {
        self.code = code
        self.byteCount = byteCount
        self.excerpt = String(decoding: excerpt.prefix(Self.excerptLimit), as: UTF8.self)
    }

    public var description: String {
        let what: String
        switch code {
        case .missingColon: what = "header line without ':'"
        case .lineTooLong: what = "line longer than the limit"
        case .messageTooLarge: what = "message larger than the limit"
        case .tooManyHeaders: what = "message with too many header lines"
        case .truncated: what = "connection ended mid-message"
        case .unexpectedGreeting: what = "first line is not an Asterisk Call Manager greeting"
        }
        return "malformed AMI frame (\(what), \(byteCount) bytes): \(excerpt.debugDescription)"
    }
}
