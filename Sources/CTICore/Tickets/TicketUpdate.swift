/// A change to an existing ticket: only the fields that are set change.
public struct TicketUpdate: Codable, Sendable, Hashable {
    public var subject: String?
    public var description: String?
    public var priority: TicketPriority?
    public var category: String?
    public var status: TicketStatus?
    /// New assignee; use `clearAssignee` to unassign.
    public var assignee: TicketAssignee?
    public var clearAssignee: Bool?
    public var customerID: Int64?

    public init(
        subject: String? = nil, description: String? = nil, priority: TicketPriority? = nil, category: String? = nil,
        status: TicketStatus? = nil, assignee: TicketAssignee? = nil, clearAssignee: Bool? = nil, customerID: Int64? = nil
    ) {
        self.subject = subject
        self.description = description
        self.priority = priority
        self.category = category
        self.status = status
        self.assignee = assignee
        self.clearAssignee = clearAssignee
        self.customerID = customerID
    }

    /// Checks every field that is set.
    public func validate() throws(CRMValidationError) {
        var check = ValidationCollector()
        check.checkLength(subject?.trimmed, "subject", 1...200)
        check.checkLength(description, "description", 0...20_000)
        check.checkLength(category?.trimmed, "category", 1...100)
        if let assignee {
            check.checkLength(assignee.name.trimmed, "assignee.name", 1...128)
            check.require(clearAssignee != true, "clearAssignee", "cannot be set together with assignee")
        }
        try check.finish()
    }
}
