/// An error from the AMI client, with a stable ``Code`` to switch on and a human message.
public struct AMIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case authenticationFailed, actionFailed, timeout, notConnected, connectionClosed
            case invalidAction, listIncomplete, unexpectedGreeting, shuttingDown, cancelled, tlsFailed
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// Asterisk refused the credentials (or the ACL); never retried, the server closes the socket.
        public static let authenticationFailed = Code(.authenticationFailed)
        /// Asterisk answered the action with `Response: Error`.
        public static let actionFailed = Code(.actionFailed)
        /// No answer within the action's timeout.
        public static let timeout = Code(.timeout)
        /// The client has no logged-in connection right now.
        public static let notConnected = Code(.notConnected)
        /// The connection dropped while the action was pending.
        public static let connectionClosed = Code(.connectionClosed)
        /// The action cannot be sent as written (line too long, newline in a value, …).
        public static let invalidAction = Code(.invalidAction)
        /// An event list ended with a different `ListItems` count than the items received.
        public static let listIncomplete = Code(.listIncomplete)
        /// The server did not greet as an Asterisk Call Manager.
        public static let unexpectedGreeting = Code(.unexpectedGreeting)
        /// Asterisk announced its shutdown.
        public static let shuttingDown = Code(.shuttingDown)
        /// The caller's task was cancelled.
        public static let cancelled = Code(.cancelled)
        /// TLS could not be set up: the handshake failed, the certificate is not trusted or does
        /// not match the server's name, or the CA file is unusable. Not retried.
        public static let tlsFailed = Code(.tlsFailed)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What happened, in words; never contains a secret.
    public var message: String
    /// The response Asterisk sent, when there was one.
    public var response: AMIMessage?

    /// An error of kind `code`.
    public init(_ code: Code, _ message: String, response: AMIMessage? = nil) {
        self.code = code
        self.message = message
        self.response = response
    }

    /// Whether retrying cannot help (wrong credentials, not an Asterisk, TLS refused), so the
    /// client stops instead of reconnecting.
    public var isFatal: Bool { code == .authenticationFailed || code == .unexpectedGreeting || code == .tlsFailed }

    public var description: String { "AMI \(code): \(message)" }
}
