/// The AMI conversation on one connection, with no I/O: greeting, login, pending actions by
/// ActionID, event lists, async Originate, and what to do when the connection ends.
///
/// Every input returns an ``Action`` for the channel handler to carry out.
struct AMIConnectionStateMachine {
    enum State: Equatable {
        case awaitingGreeting
        case awaitingChallenge
        case awaitingLogin
        case ready
        case closed
    }

    /// What the I/O layer must do next.
    enum Action: Equatable {
        case none
        /// Write this message.
        case write(AMIMessage)
        /// Hand this event to subscribers.
        case deliver(AMIMessage)
        /// Login succeeded; the connection is ready for actions.
        case loggedIn(version: String)
        /// Complete the pending action.
        case succeed(actionID: String, AMIActionResult)
        /// Complete the pending action and also hand the event to subscribers (OriginateResponse).
        case succeedAndDeliver(actionID: String, AMIActionResult, AMIMessage)
        /// Fail the pending action.
        case fail(actionID: String, AMIError)
        /// Close the connection for this reason (failed login, not an Asterisk).
        case close(AMIError)
        /// Count and log a frame that could not be read.
        case reportMalformed(AMIFrameError)
        /// Count and log a response nobody waits for (late, after its timeout).
        case reportUnsolicited(AMIMessage)
    }

    static let challengeID = "ctibridge-login-challenge"
    static let loginID = "ctibridge-login"

    private struct Pending {
        var kind: AMIAction.Kind
        var response: AMIMessage?
        var items: [AMIMessage] = []
    }

    private(set) var state: State = .awaitingGreeting
    private(set) var version = ""
    private let credentials: AMICredentials
    private var pending: [String: Pending] = [:]

    init(credentials: AMICredentials) {
        self.credentials = credentials
    }

    /// Number of actions waiting for an answer.
    var pendingCount: Int { pending.count }

    mutating func frameReceived(_ frame: AMIFrame) -> Action {
        switch (state, frame) {
        case (.closed, _):
            return .none
        case (_, .malformed(let error)):
            if error.code == .unexpectedGreeting && state == .awaitingGreeting {
                return close(AMIError(.unexpectedGreeting, "the server is not an Asterisk Call Manager: \(error.excerpt.debugDescription)"))
            }
            return .reportMalformed(error)
        case (.awaitingGreeting, .greeting(let version)):
            self.version = version
            return startLogin()
        case (.awaitingGreeting, .message(let message)):
            return close(AMIError(.unexpectedGreeting, "the server sent a message before its greeting", response: message))
        case (_, .greeting):
            return .reportMalformed(AMIFrameError(code: .unexpectedGreeting, byteCount: 0, excerpt: Array("second greeting".utf8)))
        case (.awaitingChallenge, .message(let message)):
            return challengeAnswered(message)
        case (.awaitingLogin, .message(let message)):
            return loginAnswered(message)
        case (.ready, .message(let message)):
            return message.isEvent ? eventReceived(message) : responseReceived(message)
        }
    }

    /// Registers an action about to be written; `.none` means go ahead and write it.
    mutating func actionSent(actionID: String, kind: AMIAction.Kind) -> Action {
        guard state == .ready else {
            return .fail(actionID: actionID, AMIError(.notConnected, "the AMI connection is not logged in"))
        }
        guard pending[actionID] == nil else {
            return .fail(actionID: actionID, AMIError(.invalidAction, "ActionID \(actionID) is already pending"))
        }
        pending[actionID] = Pending(kind: kind)
        return .none
    }

    /// The action's timer fired.
    mutating func timedOut(actionID: String) -> Action {
        guard let entry = pending.removeValue(forKey: actionID) else { return .none }
        let detail = entry.kind == .eventList ? " (\(entry.items.count) items received)" : ""
        return .fail(actionID: actionID, AMIError(.timeout, "no answer to action \(actionID) in time\(detail)"))
    }

    /// The connection ended; returns the ActionIDs that must now fail.
    mutating func connectionClosed() -> [String] {
        state = .closed
        let ids = Array(pending.keys)
        pending.removeAll()
        return ids
    }

    // MARK: Login

    private mutating func startLogin() -> Action {
        switch credentials.method {
        case .plain:
            state = .awaitingLogin
            return .write(AMIMessage([
                "Action": "Login", "ActionID": Self.loginID, "Username": credentials.username,
                "Secret": credentials.secret, "Events": credentials.events,
            ]))
        case .md5:
            state = .awaitingChallenge
            return .write(AMIMessage(["Action": "Challenge", "ActionID": Self.challengeID, "AuthType": "MD5"]))
        }
    }

    private mutating func challengeAnswered(_ message: AMIMessage) -> Action {
        guard !message.isEvent else { return .none }
        guard message.response?.lowercased() == "success", let challenge = message["Challenge"] else {
            return close(AMIError(.authenticationFailed, "MD5 challenge refused: \(message.messageText ?? "no challenge")", response: message))
        }
        state = .awaitingLogin
        return .write(AMIMessage([
            "Action": "Login", "ActionID": Self.loginID, "AuthType": "MD5", "Username": credentials.username,
            "Key": AMICredentials.md5Key(challenge: challenge, secret: credentials.secret), "Events": credentials.events,
        ]))
    }

    private mutating func loginAnswered(_ message: AMIMessage) -> Action {
        // Asterisk sends no events before login succeeds, but tolerate them.
        guard !message.isEvent else { return .none }
        guard message.response?.lowercased() == "success" else {
            let reason = message.messageText ?? "login refused"
            return close(AMIError(.authenticationFailed, "login as \(credentials.username) refused: \(reason)", response: message))
        }
        state = .ready
        return .loggedIn(version: version)
    }

    private mutating func close(_ error: AMIError) -> Action {
        state = .closed
        return .close(error)
    }

    // MARK: Ready

    private mutating func eventReceived(_ event: AMIMessage) -> Action {
        guard let id = event.actionID, var entry = pending[id] else { return .deliver(event) }
        switch entry.kind {
        case .eventList:
            guard event["EventList"]?.lowercased() == "complete" else {
                entry.items.append(event)
                pending[id] = entry
                return .none
            }
            pending[id] = nil
            let list = AMIEventList(response: entry.response ?? event, items: entry.items, complete: event)
            if let expected = event["ListItems"].flatMap({ Int($0) }), expected != entry.items.count {
                return .fail(actionID: id, AMIError(.listIncomplete, "\(event.eventName ?? "list") announced \(expected) items, \(entry.items.count) arrived", response: event))
            }
            return .succeed(actionID: id, .eventList(list))
        case .asyncOriginate where event.isEvent(named: "OriginateResponse"):
            pending[id] = nil
            return .succeedAndDeliver(actionID: id, .originate(response: entry.response ?? event, outcome: event), event)
        case .single, .asyncOriginate:
            return .deliver(event)
        }
    }

    private mutating func responseReceived(_ message: AMIMessage) -> Action {
        guard let id = message.actionID, var entry = pending[id] else { return .reportUnsolicited(message) }
        if message.response?.lowercased() == "error" {
            pending[id] = nil
            return .fail(actionID: id, AMIError(.actionFailed, message.messageText ?? "Asterisk answered Error", response: message))
        }
        switch entry.kind {
        case .single:
            pending[id] = nil
            return .succeed(actionID: id, .response(message))
        case .eventList:
            guard message["EventList"]?.lowercased() == "start" else {
                pending[id] = nil
                return .succeed(actionID: id, .eventList(AMIEventList(response: message, items: [], complete: nil)))
            }
            entry.response = message
            pending[id] = entry
            return .none
        case .asyncOriginate:
            entry.response = message
            pending[id] = entry
            return .none
        }
    }
}
