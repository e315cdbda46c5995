/// Where a ticket is in its life, with the moves allowed between states.
public enum TicketStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case new
    case open
    case pending
    case resolved
    case closed

    /// States this one may move to.
    ///
    /// | from | to |
    /// |---|---|
    /// | new | open, pending, resolved, closed |
    /// | open | pending, resolved, closed |
    /// | pending | open, resolved, closed |
    /// | resolved | open (reopen), closed |
    /// | closed | (none) |
    public var allowedTransitions: Set<TicketStatus> {
        switch self {
        case .new: [.open, .pending, .resolved, .closed]
        case .open: [.pending, .resolved, .closed]
        case .pending: [.open, .resolved, .closed]
        case .resolved: [.open, .closed]
        case .closed: []
        }
    }

    /// Whether moving to `next` is allowed.
    public func canTransition(to next: TicketStatus) -> Bool { allowedTransitions.contains(next) }

    /// Resolved and closed tickets no longer run against their SLA.
    public var isDone: Bool { self == .resolved || self == .closed }
}

/// A status change the transition table does not allow.
public struct TicketTransitionError: Error, Codable, Sendable, Hashable, CustomStringConvertible {
    public var from: TicketStatus
    public var to: TicketStatus

    public init(from: TicketStatus, to: TicketStatus) {
        self.from = from
        self.to = to
    }

    public var description: String {
        let allowed = from.allowedTransitions.map(\.rawValue).sorted().joined(separator: ", ")
        return "a \(from.rawValue) ticket cannot become \(to.rawValue) (allowed: \(allowed.isEmpty ? "none" : allowed))"
    }
}
