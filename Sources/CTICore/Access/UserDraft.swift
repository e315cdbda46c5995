/// A new user; the password is hashed by the store and never kept in clear.
public struct UserDraft: Codable, Sendable, Hashable {
    public var username: String
    public var displayName: String
    public var role: Role
    public var groups: [String]
    public var password: String

    public init(username: String, displayName: String, role: Role, groups: [String] = [], password: String) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.groups = groups
        self.password = password
    }

    /// Checks every field: username 3–64 of `a-z 0-9 . _ -`, password 12–256 characters.
    public func validate() throws(CRMValidationError) {
        var check = ValidationCollector()
        check.checkLength(username, "username", 3...64)
        check.require(
            username.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) },
            "username", "may hold only letters, digits, '.', '_' and '-'"
        )
        check.checkLength(displayName.trimmed, "displayName", 1...200)
        check.checkLength(password, "password", 12...256)
        for (index, group) in groups.enumerated() {
            check.checkLength(group.trimmed, "groups[\(index)]", 1...64)
        }
        try check.finish()
    }
}

/// A change to a user: only set fields change.
public struct UserUpdate: Codable, Sendable, Hashable {
    public var displayName: String?
    public var role: Role?
    public var groups: [String]?
    public var isActive: Bool?
    public var password: String?

    public init(displayName: String? = nil, role: Role? = nil, groups: [String]? = nil, isActive: Bool? = nil, password: String? = nil) {
        self.displayName = displayName
        self.role = role
        self.groups = groups
        self.isActive = isActive
        self.password = password
    }

    /// Checks every field that is set.
    public func validate() throws(CRMValidationError) {
        var check = ValidationCollector()
        check.checkLength(displayName?.trimmed, "displayName", 1...200)
        check.checkLength(password, "password", 12...256)
        for (index, group) in (groups ?? []).enumerated() {
            check.checkLength(group.trimmed, "groups[\(index)]", 1...64)
        }
        try check.finish()
    }
}
