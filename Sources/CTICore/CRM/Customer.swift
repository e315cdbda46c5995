import Foundation

/// A customer (person or account) known to the contact centre.
public struct Customer: Codable, Sendable, Hashable, Identifiable {
    /// Database id.
    public var id: Int64
    /// Display name.
    public var name: String
    /// Phone numbers in E.164, first is the main one.
    public var phoneNumbers: [String]
    /// Email addresses.
    public var emails: [String]
    /// Company or organisation.
    public var company: String?
    /// Free tags, e.g. `reseller`.
    public var tags: [String]
    /// Served with priority.
    public var isVIP: Bool
    /// Notes for agents; hidden from roles that field access rules exclude.
    public var notes: String?
    /// Site-defined fields.
    public var customFields: [String: String]
    /// The agent who owns the account (sharing rules), if any.
    public var ownerAgent: String?
    /// The group that owns the account (sharing rules), if any.
    public var ownerGroup: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64, name: String, phoneNumbers: [String], emails: [String] = [], company: String? = nil,
        tags: [String] = [], isVIP: Bool = false, notes: String? = nil, customFields: [String: String] = [:],
        ownerAgent: String? = nil, ownerGroup: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.phoneNumbers = phoneNumbers
        self.emails = emails
        self.company = company
        self.tags = tags
        self.isVIP = isVIP
        self.notes = notes
        self.customFields = customFields
        self.ownerAgent = ownerAgent
        self.ownerGroup = ownerGroup
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
