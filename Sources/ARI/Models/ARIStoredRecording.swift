/// A finished recording on disk (Swagger `StoredRecording`).
public struct ARIStoredRecording: Codable, Sendable, Hashable {
    /// Name (relative to Asterisk's recording directory, without extension).
    public var name: String
    /// File format.
    public var format: String

    /// A stored recording value.
    public init(name: String, format: String) {
        self.name = name
        self.format = format
    }
}
