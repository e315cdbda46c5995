/// What a user may do on the CTI server.
public enum CTIRole: String, Codable, Sendable, Hashable {
    case agent, supervisor, qa, admin

    /// Supervisors and admins may watch the wallboard feed.
    public var canWatchWallboard: Bool { self == .supervisor || self == .admin }
}

/// An authenticated user.
public struct CTIPrincipal: Codable, Sendable, Hashable {
    public var userID: String
    /// Set for users who take calls; pops are addressed to it.
    public var agentID: String?
    public var displayName: String
    public var role: CTIRole

    public init(userID: String, agentID: String?, displayName: String, role: CTIRole) {
        self.userID = userID
        self.agentID = agentID
        self.displayName = displayName
        self.role = role
    }
}

/// A fresh session: the bearer token and who it belongs to.
public struct CTISessionGrant: Codable, Sendable, Hashable {
    public var token: String
    public var principal: CTIPrincipal

    public init(token: String, principal: CTIPrincipal) {
        self.token = token
        self.principal = principal
    }
}
