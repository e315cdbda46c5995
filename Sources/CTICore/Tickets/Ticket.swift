import Foundation

/// A trouble ticket.
public struct Ticket: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64
    /// Sequential number shown to people (`T-42` is number 42).
    public var number: Int64
    public var subject: String
    public var description: String
    public var priority: TicketPriority
    public var category: String?
    public var status: TicketStatus
    public var assignee: TicketAssignee?
    public var customerID: Int64?
    /// Username of whoever opened it.
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date
    /// SLA resolution due time.
    public var dueAt: Date
    public var resolvedAt: Date?
    public var closedAt: Date?
    /// Whether the SLA was breached, evaluated when the ticket was read.
    public var slaBreached: Bool

    public init(
        id: Int64, number: Int64, subject: String, description: String, priority: TicketPriority, category: String?,
        status: TicketStatus, assignee: TicketAssignee?, customerID: Int64?, createdBy: String, createdAt: Date,
        updatedAt: Date, dueAt: Date, resolvedAt: Date?, closedAt: Date?, slaBreached: Bool
    ) {
        self.id = id
        self.number = number
        self.subject = subject
        self.description = description
        self.priority = priority
        self.category = category
        self.status = status
        self.assignee = assignee
        self.customerID = customerID
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.dueAt = dueAt
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
        self.slaBreached = slaBreached
    }

    /// `T-42`.
    public var displayNumber: String { "T-\(number)" }
}
