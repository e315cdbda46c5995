/// An error from the ARI clients, with a stable ``Code`` to switch on and Asterisk's own message.
public struct ARIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case notFound, notInStasis, invalidState, unprocessable, badRequest, unauthorized, forbidden
            case notBooted, server, unexpectedStatus, transport, timeout, decoding, applicationReplaced, cancelled
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// 404: the channel, bridge, playback or recording does not exist (or the URL ends with a slash).
        public static let notFound = Code(.notFound)
        /// 409: the channel is not in a Stasis application (also other conflicts: a recording name in use, …).
        public static let notInStasis = Code(.notInStasis)
        /// 412: the channel is in the wrong state (not answered yet, …); a race, wait for the event.
        public static let invalidState = Code(.invalidState)
        /// 422: the request is well formed but refers to something unusable (channel not in Stasis for addChannel, …).
        public static let unprocessable = Code(.unprocessable)
        /// 400: bad parameters, including addChannel's "Channel not found" quirk.
        public static let badRequest = Code(.badRequest)
        /// 401: the credentials were refused; never retried.
        public static let unauthorized = Code(.unauthorized)
        /// 403: an ACL denial or a read-only user writing.
        public static let forbidden = Code(.forbidden)
        /// 503: Asterisk has not finished booting.
        public static let notBooted = Code(.notBooted)
        /// Any other 5xx (for example 500 for an originate to a bogus technology).
        public static let server = Code(.server)
        /// A status the client did not expect for this request.
        public static let unexpectedStatus = Code(.unexpectedStatus)
        /// The request or the socket failed below HTTP (refused, reset, TLS, …).
        public static let transport = Code(.transport)
        /// No answer within the request's timeout.
        public static let timeout = Code(.timeout)
        /// A body or an event was not the JSON the ARI models describe.
        public static let decoding = Code(.decoding)
        /// Another connection registered the same application name; this client stopped.
        public static let applicationReplaced = Code(.applicationReplaced)
        /// The caller's task was cancelled.
        public static let cancelled = Code(.cancelled)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What happened, in words; never contains a secret.
    public var message: String
    /// The HTTP status, when Asterisk answered.
    public var status: Int?
    /// Asterisk's `{"message": …}` (or `{"error": …}`) text, when the body carried one.
    public var asteriskMessage: String?

    /// An error of kind `code`.
    public init(_ code: Code, _ message: String, status: Int? = nil, asteriskMessage: String? = nil) {
        self.code = code
        self.message = message
        self.status = status
        self.asteriskMessage = asteriskMessage
    }

    public var description: String {
        var text = "ARI \(code): \(message)"
        if let status { text += " (HTTP \(status))" }
        return text
    }

    /// The code for an HTTP error status.
    public static func code(forStatus status: Int) -> Code {
        switch status {
        case 400: .badRequest
        case 401: .unauthorized
        case 403: .forbidden
        case 404: .notFound
        case 409: .notInStasis
        case 412: .invalidState
        case 422: .unprocessable
        case 503: .notBooted
        case 500...599: .server
        default: .unexpectedStatus
        }
    }
}
