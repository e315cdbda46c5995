import Foundation

/// One field's value before and after a change.
public struct FieldChange: Codable, Sendable, Hashable {
    public var field: String
    public var oldValue: String?
    public var newValue: String?

    public init(field: String, oldValue: String?, newValue: String?) {
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }
}

/// A record of who changed what, and when: users, roles, flows and tickets.
public struct AuditEntry: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64
    public var at: Date
    /// Username (or `system`) that made the change.
    public var actor: String
    /// e.g. `user.create`, `user.role`, `ticket.update`, `flow.publish`.
    public var action: String
    /// `user`, `ticket`, `flow`, `token`, …
    public var entityType: String
    public var entityID: String
    public var changes: [FieldChange]

    public init(id: Int64, at: Date, actor: String, action: String, entityType: String, entityID: String, changes: [FieldChange]) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.changes = changes
    }
}

/// Filters for reading the audit log, newest first.
public struct AuditQuery: Codable, Sendable, Hashable {
    public var entityType: String?
    public var entityID: String?
    public var actor: String?
    public var page: PageRequest

    public init(entityType: String? = nil, entityID: String? = nil, actor: String? = nil, page: PageRequest = PageRequest()) {
        self.entityType = entityType
        self.entityID = entityID
        self.actor = actor
        self.page = page
    }
}
