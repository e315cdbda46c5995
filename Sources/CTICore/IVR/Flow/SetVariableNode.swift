extension IVRNode {
    /// Sets call variables to literal values; they travel with the call to the screen-pop.
    public struct SetVariable: Sendable, Hashable, Codable {
        /// Name → value.
        public var variables: [String: String]
        /// Where to go next.
        public var next: String

        public init(variables: [String: String], next: String) {
            self.variables = variables
            self.next = next
        }

        private enum CodingKeys: String, CodingKey { case variables, next }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            variables = try c.decode(.variables, or: [:])
            next = try c.decode(.next, or: "")
        }
    }
}
