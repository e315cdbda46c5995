/// A new ticket as supplied by an agent or integration.
public struct TicketDraft: Codable, Sendable, Hashable {
    public var subject: String
    public var description: String
    public var priority: TicketPriority
    public var category: String?
    public var assignee: TicketAssignee?
    public var customerID: Int64?

    public init(
        subject: String, description: String = "", priority: TicketPriority = .normal, category: String? = nil,
        assignee: TicketAssignee? = nil, customerID: Int64? = nil
    ) {
        self.subject = subject
        self.description = description
        self.priority = priority
        self.category = category
        self.assignee = assignee
        self.customerID = customerID
    }

    /// Checks every field and returns the draft with trimmed text.
    public func validated() throws(CRMValidationError) -> TicketDraft {
        var check = ValidationCollector()
        var clean = self
        clean.subject = subject.trimmed
        check.checkLength(clean.subject, "subject", 1...200)
        check.checkLength(description, "description", 0...20_000)
        clean.category = category?.trimmed.nilIfEmpty
        check.checkLength(clean.category, "category", 1...100)
        if let assignee {
            check.checkLength(assignee.name.trimmed, "assignee.name", 1...128)
        }
        try check.finish()
        return clean
    }
}
