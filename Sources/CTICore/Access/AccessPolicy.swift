/// Who may do what, see whose records, and which customer fields: permissions by role, sharing
/// rules and field-level hiding in one pure value.
public struct AccessPolicy: Codable, Sendable, Hashable {
    public var profiles: [Role: PermissionProfile]
    public var sharing: SharingRules
    /// Customer fields hidden from each role.
    public var hiddenCustomerFields: [Role: Set<CustomerField>]

    /// Defaults: the standard profiles, default sharing, notes hidden from QA.
    public init(
        profiles: [Role: PermissionProfile] = [
            .agent: .agent, .supervisor: .supervisor, .qa: .qa, .admin: .admin,
        ],
        sharing: SharingRules = SharingRules(),
        hiddenCustomerFields: [Role: Set<CustomerField>] = [.qa: [.notes]]
    ) {
        self.profiles = profiles
        self.sharing = sharing
        self.hiddenCustomerFields = hiddenCustomerFields
    }

    /// Permissions `role` holds.
    public func permissions(for role: Role) -> Set<Permission> { profiles[role]?.permissions ?? [] }

    /// Whether `principal` holds `permission`.
    public func allows(_ principal: Principal, _ permission: Permission) -> Bool {
        permissions(for: principal.role).contains(permission)
    }

    /// Throws `forbidden` unless `principal` holds `permission`.
    public func require(_ principal: Principal, _ permission: Permission) throws(RepositoryError) {
        guard allows(principal, permission) else {
            throw .forbidden("\(principal.role.rawValue) lacks \(permission.rawValue)")
        }
    }

    /// Whether `principal` may see `ticket` under the sharing rules.
    public func canSee(_ ticket: Ticket, by principal: Principal) -> Bool {
        switch sharing.ticketScope(principal.role) {
        case .all:
            return true
        case .group:
            if let assignee = ticket.assignee, assignee.kind == .group, principal.groups.contains(assignee.name) {
                return true
            }
            return ownsTicket(ticket, principal)
        case .own:
            return ownsTicket(ticket, principal)
        }
    }

    /// Whether `principal` may see `customer` under the sharing rules.
    public func canSee(_ customer: Customer, by principal: Principal) -> Bool {
        switch sharing.customerScope(principal.role) {
        case .all:
            return true
        case .group:
            if let group = customer.ownerGroup, principal.groups.contains(group) { return true }
            return customer.ownerAgent == principal.username
        case .own:
            return customer.ownerAgent == principal.username
        }
    }

    /// `customer` with the fields hidden from `role` emptied.
    public func redacted(_ customer: Customer, for role: Role) -> Customer {
        var copy = customer
        for field in hiddenCustomerFields[role] ?? [] {
            switch field {
            case .phoneNumbers: copy.phoneNumbers = []
            case .emails: copy.emails = []
            case .company: copy.company = nil
            case .notes: copy.notes = nil
            case .customFields: copy.customFields = [:]
            case .tags: copy.tags = []
            }
        }
        return copy
    }

    private func ownsTicket(_ ticket: Ticket, _ principal: Principal) -> Bool {
        if ticket.createdBy == principal.username { return true }
        if let assignee = ticket.assignee, assignee.kind == .agent, assignee.name == principal.username { return true }
        return false
    }
}
