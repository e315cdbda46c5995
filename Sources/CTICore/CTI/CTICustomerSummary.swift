/// The CRM record shown in a screen-pop: who is calling, at a glance.
public struct CTICustomerSummary: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var company: String?
    public var vip: Bool
    public var tags: [String]
    public var notes: String?

    public init(id: String, name: String, company: String? = nil, vip: Bool = false, tags: [String] = [], notes: String? = nil) {
        self.id = id
        self.name = name
        self.company = company
        self.vip = vip
        self.tags = tags
        self.notes = notes
    }
}

/// An open ticket listed in a screen-pop.
public struct CTITicketSummary: Codable, Sendable, Hashable {
    public var id: String
    public var subject: String
    public var status: String
    public var priority: String
    /// Seconds since 1970, UTC.
    public var updatedAt: Double

    public init(id: String, subject: String, status: String, priority: String, updatedAt: Double) {
        self.id = id
        self.subject = subject
        self.status = status
        self.priority = priority
        self.updatedAt = updatedAt
    }
}

/// An earlier contact with the customer listed in a screen-pop.
public struct CTIInteractionSummary: Codable, Sendable, Hashable {
    public var id: String
    /// "call", "email", "chat", …
    public var channel: String
    /// Seconds since 1970, UTC.
    public var at: Double
    public var agentName: String?
    public var disposition: String?
    public var note: String?

    public init(id: String, channel: String, at: Double, agentName: String? = nil, disposition: String? = nil, note: String? = nil) {
        self.id = id
        self.channel = channel
        self.at = at
        self.agentName = agentName
        self.disposition = disposition
        self.note = note
    }
}
