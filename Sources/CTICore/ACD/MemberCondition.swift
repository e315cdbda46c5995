/// A member condition used by app_queue's `joinempty` and `leavewhenempty`: a queue counts as
/// *empty* when none of its members is outside the listed conditions (or it has no members).
/// An empty set (`joinempty=yes`) never makes a queue empty.
public enum MemberCondition: String, Sendable, Hashable, CaseIterable, Codable {
    /// Member paused in this queue.
    case paused
    /// Member ringing or on a call.
    case inUse = "inuse"
    /// Member in wrap-up.
    case wrapUp = "wrapup"
    /// Member logged out.
    case unavailable
    /// Member's penalty outside the caller's allowed range.
    case penalty
}
