/// A checked YAML value: text scalars, sequences and mappings with text keys, each with where it starts.
///
/// Scalars keep the text as written; what a scalar means (text, number, true/false, null) is decided
/// by the field it fills (see `YAMLElementDecoder`), so `1`, `0123` or `no` are never changed on the way.
struct YAMLElement: Sendable {
    enum Content: Sendable {
        /// `plain` is false for quoted and block scalars, which are always text.
        case scalar(String, plain: Bool)
        case sequence([YAMLElement])
        case mapping(YAMLMapping)
    }

    var content: Content
    /// Line and column (from 1) where the value starts.
    var line: Int
    var column: Int

    /// True for a plain `null`, `~` or an empty value.
    var isNull: Bool {
        if case .scalar(let text, plain: true) = content { return ["", "~", "null", "Null", "NULL"].contains(text) }
        return false
    }
}

/// A YAML mapping's entries in document order, looked up by key.
struct YAMLMapping: Sendable {
    private(set) var keys: [String] = []
    private var values: [String: YAMLElement] = [:]

    /// Adds an entry; false when the key is already there.
    mutating func insert(_ key: String, _ value: YAMLElement) -> Bool {
        guard values[key] == nil else { return false }
        keys.append(key)
        values[key] = value
        return true
    }

    subscript(key: String) -> YAMLElement? { values[key] }
}
