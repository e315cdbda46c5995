import Foundation

/// A token just issued: the secret is shown once here and only its hash is stored.
public struct IssuedToken: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        /// From a login; expires.
        case session
        /// For an integration; lives until revoked (or its expiry, if given).
        case api
    }

    public var id: Int64
    public var kind: Kind
    /// The bearer secret, e.g. `ctb_s_…`; never stored.
    public var token: String
    public var user: User
    public var expiresAt: Date?

    public init(id: Int64, kind: Kind, token: String, user: User, expiresAt: Date?) {
        self.id = id
        self.kind = kind
        self.token = token
        self.user = user
        self.expiresAt = expiresAt
    }
}
