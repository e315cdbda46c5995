import ARI
import CTICore

/// An ACD operation that could not be done.
public struct ACDControllerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public enum Code: String, Sendable, Hashable {
        /// No such call is known to the controller.
        case unknownCall
        /// No such agent, or no endpoint configured for them.
        case unknownAgent
        /// The call is not in a state where the operation makes sense (e.g. hold while waiting).
        case invalidState
        /// The agent cannot take a call now (logged out, paused, busy); the message says why.
        case agentUnavailable
        /// The caller may not join the queue (full or empty).
        case joinRefused
        /// The ACD engine refused the event.
        case engine
        /// Asterisk refused or did not answer a request.
        case asterisk
        /// The configuration contradicts itself.
        case invalidConfiguration
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

    public var description: String { "\(code.rawValue): \(message)" }

    static func engine(_ error: ACDError) -> ACDControllerError { ACDControllerError(.engine, error.description) }
    static func asterisk(_ error: ARIError, _ what: String) -> ACDControllerError { ACDControllerError(.asterisk, "\(what): \(error)") }
}
