/// What a user does in the contact centre.
public enum Role: String, Codable, Sendable, Hashable, CaseIterable {
    case agent
    case supervisor
    /// Quality evaluator.
    case qa
    case admin
}
