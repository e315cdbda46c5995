/// An event the engine cannot apply. The engine's state is unchanged when one is thrown.
public struct ACDError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// No queue has this id.
        public static let unknownQueue = Code("unknownQueue")
        /// No agent has this id.
        public static let unknownAgent = Code("unknownAgent")
        /// No live call has this id.
        public static let unknownCall = Code("unknownCall")
        /// A call with this id is already in the engine.
        public static let duplicateCall = Code("duplicateCall")
        /// The agent is not configured for this queue.
        public static let notAMember = Code("notAMember")
        /// The agent is already logged into this queue.
        public static let alreadyLoggedIn = Code("alreadyLoggedIn")
        /// The agent is not logged into this queue.
        public static let notLoggedIn = Code("notLoggedIn")
        /// The call or agent is not in a state where this event makes sense.
        public static let invalidState = Code("invalidState")
        /// The event's instant is before the previous event's.
        public static let timeWentBackwards = Code("timeWentBackwards")
        /// The configuration contradicts itself.
        public static let invalidConfiguration = Code("invalidConfiguration")
    }

    /// The kind of problem.
    public var code: Code
    /// What exactly.
    public var message: String

    /// An error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
