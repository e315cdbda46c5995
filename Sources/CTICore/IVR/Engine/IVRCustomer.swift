/// A CRM customer matched by caller ID.
public struct IVRCustomer: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var isVIP: Bool

    public init(id: String, name: String, isVIP: Bool = false) {
        self.id = id
        self.name = name
        self.isVIP = isVIP
    }
}

/// The CRM's answer to a lookup.
public enum CustomerLookupResult: Sendable, Hashable, Codable {
    case found(IVRCustomer)
    case notFound
    /// The CRM could not answer; `reason` is for logs.
    case failed(reason: String)
}
