/// Which way a call went.
public enum CallDirection: String, Codable, Sendable, Hashable, CaseIterable {
    case inbound
    case outbound
    case `internal`
}
