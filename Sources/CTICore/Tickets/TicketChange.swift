import Foundation

/// One entry of a ticket's history: who changed which field from what to what.
public struct TicketChange: Codable, Sendable, Hashable {
    public var actor: String
    public var at: Date
    /// `created`, `status`, `priority`, `assignee`, `comment`, `link`, …
    public var field: String
    public var oldValue: String?
    public var newValue: String?

    public init(actor: String, at: Date, field: String, oldValue: String?, newValue: String?) {
        self.actor = actor
        self.at = at
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }
}
