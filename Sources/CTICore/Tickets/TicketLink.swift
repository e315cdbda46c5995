import Foundation

/// A ticket's link to a call (interaction id) or a recording reference.
public struct TicketLink: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        case interaction
        case recording
    }

    public var kind: Kind
    /// Interaction id as text, or the recording reference.
    public var reference: String
    public var createdAt: Date

    public init(kind: Kind, reference: String, createdAt: Date) {
        self.kind = kind
        self.reference = reference
        self.createdAt = createdAt
    }
}
