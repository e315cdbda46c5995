/// The authenticated caller of an operation.
public struct Principal: Codable, Sendable, Hashable {
    public var userID: Int64
    public var username: String
    public var role: Role
    public var groups: Set<String>

    public init(userID: Int64, username: String, role: Role, groups: Set<String>) {
        self.userID = userID
        self.username = username
        self.role = role
        self.groups = groups
    }
}
