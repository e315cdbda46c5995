import Foundation

/// A person (or integration account) who signs in. Never carries the password hash.
public struct User: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: Role
    public var groups: [String]
    public var isActive: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64, username: String, displayName: String, role: Role, groups: [String], isActive: Bool,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.groups = groups
        self.isActive = isActive
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The principal this user acts as.
    public var principal: Principal {
        Principal(userID: id, username: username, role: role, groups: Set(groups), displayName: displayName)
    }
}
