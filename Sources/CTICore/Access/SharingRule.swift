/// How far a role's view of records reaches.
public enum SharingScope: String, Codable, Sendable, Hashable, Comparable {
    /// Records the user owns, opened or is assigned.
    case own
    /// Those plus records owned by or assigned to one of the user's groups.
    case group
    /// Every record.
    case all

    private var rank: Int {
        switch self {
        case .own: 0
        case .group: 1
        case .all: 2
        }
    }

    public static func < (lhs: SharingScope, rhs: SharingScope) -> Bool { lhs.rank < rhs.rank }
}

/// Sharing rules: per role, how far it sees customers and tickets.
public struct SharingRules: Codable, Sendable, Hashable {
    public var customers: [Role: SharingScope]
    public var tickets: [Role: SharingScope]

    /// Defaults: agents see all customers (screen pops) but only their own and their groups'
    /// tickets; supervisors, QA and admins see everything.
    public init(
        customers: [Role: SharingScope] = [.agent: .all, .supervisor: .all, .qa: .all, .admin: .all],
        tickets: [Role: SharingScope] = [.agent: .group, .supervisor: .all, .qa: .all, .admin: .all]
    ) {
        self.customers = customers
        self.tickets = tickets
    }

    /// The scope for `role` on customers (`own` when unset).
    public func customerScope(_ role: Role) -> SharingScope { customers[role] ?? .own }
    /// The scope for `role` on tickets (`own` when unset).
    public func ticketScope(_ role: Role) -> SharingScope { tickets[role] ?? .own }
}
