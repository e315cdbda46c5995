/// How urgent a ticket is; drives its SLA due time.
public enum TicketPriority: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case low
    case normal
    case high
    case urgent

    private var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .urgent: 3
        }
    }

    public static func < (lhs: TicketPriority, rhs: TicketPriority) -> Bool { lhs.rank < rhs.rank }
}
