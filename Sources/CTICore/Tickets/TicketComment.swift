import Foundation

/// A comment on a ticket.
public struct TicketComment: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64
    public var ticketID: Int64
    public var author: String
    public var body: String
    /// Internal notes are for staff only, never sent to the customer's CRM.
    public var isInternal: Bool
    public var createdAt: Date

    public init(id: Int64, ticketID: Int64, author: String, body: String, isInternal: Bool, createdAt: Date) {
        self.id = id
        self.ticketID = ticketID
        self.author = author
        self.body = body
        self.isInternal = isInternal
        self.createdAt = createdAt
    }
}
