/// A named bundle of permissions given to a role.
public struct PermissionProfile: Codable, Sendable, Hashable {
    public var name: String
    public var permissions: Set<Permission>

    public init(name: String, permissions: Set<Permission>) {
        self.name = name
        self.permissions = permissions
    }

    /// Works calls, customers and own tickets.
    public static let agent = PermissionProfile(
        name: "agent",
        permissions: [.customersRead, .customersWrite, .interactionsRead, .interactionsWrite, .ticketsRead, .ticketsWrite]
    )
    /// Agent's rights plus assignment, deletion, user list and audit.
    public static let supervisor = PermissionProfile(
        name: "supervisor",
        permissions: agent.permissions.union([.ticketsAssign, .customersDelete, .usersRead, .auditRead, .flowsManage])
    )
    /// Reads calls and tickets, writes evaluations.
    public static let qa = PermissionProfile(
        name: "qa", permissions: [.customersRead, .interactionsRead, .ticketsRead, .evaluationsWrite]
    )
    /// Everything.
    public static let admin = PermissionProfile(name: "admin", permissions: Set(Permission.allCases))
}
