extension IVRNode {
    /// Plays a menu and branches on one digit.
    public struct Menu: Sendable, Hashable, Codable {
        /// The menu prompts; a digit stops them.
        public var prompts: [String]
        /// Digit (`"1"`, `"*"`, …) → target node.
        public var options: [String: String]
        /// Seconds to wait for a digit after the prompts end.
        public var timeout: Double
        /// Retries after an invalid digit or no digit.
        public var retry: RetryPolicy
        /// Where to go when the retries are used up.
        public var fallback: String

        public init(prompts: [String], options: [String: String], timeout: Double = 5, retry: RetryPolicy = RetryPolicy(), fallback: String) {
            self.prompts = prompts
            self.options = options
            self.timeout = timeout
            self.retry = retry
            self.fallback = fallback
        }

        private enum CodingKeys: String, CodingKey { case prompts, options, timeout, fallback }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            prompts = try c.decode(.prompts, or: [])
            options = try c.decode(.options, or: [:])
            timeout = try c.decode(.timeout, or: 5)
            retry = try RetryPolicy(from: decoder)
            fallback = try c.decode(.fallback, or: "")
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(prompts, forKey: .prompts)
            try c.encode(options, forKey: .options)
            try c.encode(timeout, forKey: .timeout)
            try c.encode(fallback, forKey: .fallback)
            try retry.encode(to: encoder)
        }
    }
}
