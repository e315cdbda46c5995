extension IVRNode {
    /// Jumps to another node.
    public struct Goto: Sendable, Hashable, Codable {
        /// The node to continue at.
        public var target: String

        public init(target: String) {
            self.target = target
        }

        private enum CodingKeys: String, CodingKey { case target }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            target = try c.decode(.target, or: "")
        }
    }
}
