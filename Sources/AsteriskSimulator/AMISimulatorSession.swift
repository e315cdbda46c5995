import AMI

/// What one AMI connection to the simulator has negotiated: login, challenge, event mask.
struct AMISimulatorSession: Sendable {
    /// Logged in as this user; nil before login.
    var username: String?
    /// The challenge handed out by `Action: Challenge` (kept for the session, as Asterisk does).
    var challenge: String?
    /// Event classes asked for with `Events:` or `Action: Events`.
    var eventMask: AMIPermission = .all
    /// The user's `read=` classes.
    var read: AMIPermission = []
    /// The user's `write=` classes.
    var write: AMIPermission = []

    var isAuthenticated: Bool { username != nil }

    /// Whether an async event reaches this session: its class must be in both the user's read
    /// permission and the session's event mask (manager.c:6447).
    func accepts(_ event: AMIMessage) -> Bool {
        guard isAuthenticated else { return false }
        let category = AMIPermission(privilege: event.rawValue("Privilege") ?? "")
        return read.intersection(eventMask).isSuperset(of: category)
    }
}
