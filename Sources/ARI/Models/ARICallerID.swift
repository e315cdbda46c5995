/// A caller id or connected line (Swagger `CallerID`).
public struct ARICallerID: Codable, Sendable, Hashable {
    /// Display name; empty when unknown.
    public var name: String
    /// Number; empty when unknown.
    public var number: String

    /// A caller id.
    public init(name: String = "", number: String = "") {
        self.name = name
        self.number = number
    }
}
