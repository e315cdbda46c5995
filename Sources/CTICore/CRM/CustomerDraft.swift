/// What a caller supplies to create or replace a customer; `validated` checks every field.
public struct CustomerDraft: Codable, Sendable, Hashable {
    public var name: String
    /// Numbers as typed; normalised to E.164 by `validated`.
    public var phoneNumbers: [String]
    public var emails: [String]
    public var company: String?
    public var tags: [String]
    public var isVIP: Bool
    public var notes: String?
    public var customFields: [String: String]
    public var ownerAgent: String?
    public var ownerGroup: String?

    public init(
        name: String, phoneNumbers: [String] = [], emails: [String] = [], company: String? = nil, tags: [String] = [],
        isVIP: Bool = false, notes: String? = nil, customFields: [String: String] = [:], ownerAgent: String? = nil,
        ownerGroup: String? = nil
    ) {
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
    }

    private enum CodingKeys: String, CodingKey {
        case name, phoneNumbers, emails, company, tags, isVIP, notes, customFields, ownerAgent, ownerGroup
    }

    /// Decodes with defaults for the optional collections, so `{"name": "A"}` is a valid draft.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        phoneNumbers = try container.decodeIfPresent([String].self, forKey: .phoneNumbers) ?? []
        emails = try container.decodeIfPresent([String].self, forKey: .emails) ?? []
        company = try container.decodeIfPresent(String.self, forKey: .company)
        tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
        isVIP = try container.decodeIfPresent(Bool.self, forKey: .isVIP) ?? false
        notes = try container.decodeIfPresent(String.self, forKey: .notes)
        customFields = try container.decodeIfPresent([String: String].self, forKey: .customFields) ?? [:]
        ownerAgent = try container.decodeIfPresent(String.self, forKey: .ownerAgent)
        ownerGroup = try container.decodeIfPresent(String.self, forKey: .ownerGroup)
    }

    /// The draft with trimmed text and E.164 numbers, or every problem found.
    public func validated(normalizer: PhoneNumberNormalizer) throws(CRMValidationError) -> CustomerDraft {
        var check = ValidationCollector()
        var clean = self
        clean.name = name.trimmed
        check.checkLength(clean.name, "name", 1...200)
        var numbers: [String] = []
        for (index, raw) in phoneNumbers.enumerated() {
            do {
                let number = try normalizer.normalize(raw)
                if numbers.contains(number) {
                    check.add("phoneNumbers[\(index)]", "repeats \(number)")
                } else {
                    numbers.append(number)
                }
            } catch {
                check.add("phoneNumbers[\(index)]", error.description)
            }
        }
        check.require(phoneNumbers.count <= 20, "phoneNumbers", "must hold at most 20 numbers")
        clean.phoneNumbers = numbers
        clean.emails = emails.map(\.trimmed)
        for (index, email) in clean.emails.enumerated() where !email.isPlausibleEmail {
            check.add("emails[\(index)]", "is not an email address")
        }
        clean.company = company?.trimmed.nilIfEmpty
        check.checkLength(clean.company, "company", 1...200)
        clean.tags = tags.map(\.trimmed)
        for (index, tag) in clean.tags.enumerated() {
            check.checkLength(tag, "tags[\(index)]", 1...50)
        }
        check.checkLength(notes, "notes", 0...10_000)
        for (key, value) in customFields {
            check.checkLength(key, "customFields.\(key)", 1...64)
            check.checkLength(value, "customFields.\(key)", 0...2_000)
        }
        check.require(customFields.count <= 100, "customFields", "must hold at most 100 fields")
        clean.ownerAgent = ownerAgent?.trimmed.nilIfEmpty
        clean.ownerGroup = ownerGroup?.trimmed.nilIfEmpty
        try check.finish()
        return clean
    }
}

extension String {
    /// Without leading and trailing whitespace.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    var nilIfEmpty: String? { isEmpty ? nil : self }

    /// One `@`, something before it, a dotted domain after it, no spaces.
    var isPlausibleEmail: Bool {
        let parts = split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, count <= 254 else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
            && !contains(where: { $0.isWhitespace })
    }
}
