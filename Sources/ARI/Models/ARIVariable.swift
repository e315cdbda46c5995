/// The value of a channel or global variable (Swagger `Variable`).
public struct ARIVariable: Codable, Sendable, Hashable {
    /// The value; empty when the variable is unset.
    public var value: String

    /// A variable value.
    public init(value: String) { self.value = value }
}
