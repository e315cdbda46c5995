extension IVRNode {
    /// Ends the call.
    public struct HangUp: Sendable, Hashable, Codable {
        /// ARI hang-up reason: `normal`, `busy`, `congestion`, … .
        public var reason: String

        public init(reason: String = "normal") {
            self.reason = reason
        }

        private enum CodingKeys: String, CodingKey { case reason }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            reason = try c.decode(.reason, or: "normal")
        }
    }
}
