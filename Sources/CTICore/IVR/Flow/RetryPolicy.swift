extension IVRNode {
    /// What happens after invalid input or no input, shared by nodes that read digits.
    ///
    /// In JSON its fields sit directly on the node: `maxRetries`, `invalidPrompts`, `timeoutPrompts`.
    public struct RetryPolicy: Sendable, Hashable, Codable {
        /// How many times the node starts over after a failure; one more failure takes the fallback.
        public var maxRetries: Int
        /// Played before the node's prompts after an invalid entry.
        public var invalidPrompts: [String]
        /// Played before the node's prompts after no input.
        public var timeoutPrompts: [String]

        public init(maxRetries: Int = 2, invalidPrompts: [String] = [], timeoutPrompts: [String] = []) {
            self.maxRetries = maxRetries
            self.invalidPrompts = invalidPrompts
            self.timeoutPrompts = timeoutPrompts
        }

        private enum CodingKeys: String, CodingKey { case maxRetries, invalidPrompts, timeoutPrompts }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            maxRetries = try c.decode(.maxRetries, or: 2)
            invalidPrompts = try c.decode(.invalidPrompts, or: [])
            timeoutPrompts = try c.decode(.timeoutPrompts, or: [])
        }
    }
}
