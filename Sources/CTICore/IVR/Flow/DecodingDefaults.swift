extension KeyedDecodingContainer {
    /// The value for `key`, or `fallback` when the key is absent or null.
    ///
    /// Flows decode leniently so that `FlowValidator` can report every missing field at once.
    func decode<T: Decodable>(_ key: Key, or fallback: @autoclosure () -> T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback()
    }
}
