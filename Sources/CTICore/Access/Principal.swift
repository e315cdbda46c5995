/// The authenticated caller of an operation.
public struct Principal: Codable, Sendable, Hashable {
    public var userID: Int64
    public var username: String
    public var role: Role
    public var groups: Set<String>
    /// The name shown to people, when the principal came from a stored user.
    public var displayName: String?

    public init(userID: Int64, username: String, role: Role, groups: Set<String>, displayName: String? = nil) {
        self.userID = userID
        self.username = username
        self.role = role
        self.groups = groups
        self.displayName = displayName
    }
}
