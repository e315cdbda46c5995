/// Which slice of a list to return.
public struct PageRequest: Codable, Sendable, Hashable {
    /// Largest page size served.
    public static let maximumLimit = 500

    public var limit: Int
    public var offset: Int

    /// A page; default 50 items from the start.
    public init(limit: Int = 50, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }

    /// Checks the limit is 1…500 and the offset is not negative.
    public func validate() throws(CRMValidationError) {
        var check = ValidationCollector()
        check.require((1...Self.maximumLimit).contains(limit), "limit", "must be between 1 and \(Self.maximumLimit)")
        check.require(offset >= 0, "offset", "must not be negative")
        try check.finish()
    }
}

/// One page of results and the total count matching the query.
public struct Page<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    public var total: Int
    public var limit: Int
    public var offset: Int

    public init(items: [Item], total: Int, limit: Int, offset: Int) {
        self.items = items
        self.total = total
        self.limit = limit
        self.offset = offset
    }

    /// Whether more items follow this page.
    public var hasMore: Bool { offset + items.count < total }
}

extension Page: Equatable where Item: Equatable {}
