/// Customer fields that field-level access can hide from a role.
public enum CustomerField: String, Codable, Sendable, Hashable, CaseIterable {
    case phoneNumbers
    case emails
    case company
    case notes
    case customFields
    case tags
}
