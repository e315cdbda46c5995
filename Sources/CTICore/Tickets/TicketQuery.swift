/// Filters for listing tickets; every set filter must match.
public struct TicketQuery: Codable, Sendable, Hashable {
    public var statuses: [TicketStatus]?
    public var priorities: [TicketPriority]?
    public var category: String?
    public var assignee: TicketAssignee?
    public var customerID: Int64?
    /// Words to find in subject or description.
    public var text: String?
    /// Only tickets past their SLA due time and not done.
    public var breachedOnly: Bool?
    public var page: PageRequest

    public init(
        statuses: [TicketStatus]? = nil, priorities: [TicketPriority]? = nil, category: String? = nil,
        assignee: TicketAssignee? = nil, customerID: Int64? = nil, text: String? = nil, breachedOnly: Bool? = nil,
        page: PageRequest = PageRequest()
    ) {
        self.statuses = statuses
        self.priorities = priorities
        self.category = category
        self.assignee = assignee
        self.customerID = customerID
        self.text = text
        self.breachedOnly = breachedOnly
        self.page = page
    }
}
