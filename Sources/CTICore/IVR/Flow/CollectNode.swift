extension IVRNode {
    /// Reads a number of digits into a variable.
    ///
    /// Input ends with the terminator, at `maxLength` digits, or on the inter-digit or overall
    /// timeout once `minLength` digits are in.
    public struct Collect: Sendable, Hashable, Codable {
        /// The prompts; the first digit stops them.
        public var prompts: [String]
        /// Variable that receives the digits.
        public var variable: String
        /// Fewest digits accepted.
        public var minLength: Int
        /// Most digits; input ends when they are in.
        public var maxLength: Int
        /// Key that ends input early (not stored), e.g. `#`; nil for none.
        public var terminator: String?
        /// Seconds from the end of the prompts to the first digit.
        public var firstDigitTimeout: Double
        /// Seconds allowed between digits.
        public var interDigitTimeout: Double
        /// Seconds for the whole entry, from the end of the prompts (or the first digit).
        public var overallTimeout: Double
        /// Masks the digits in the caller's path (PINs, card numbers).
        public var sensitive: Bool
        /// Retries after a too-short entry or no entry.
        public var retry: RetryPolicy
        /// Where to go with the digits stored.
        public var next: String
        /// Where to go when the retries are used up.
        public var fallback: String

        public init(
            prompts: [String], variable: String, minLength: Int = 1, maxLength: Int, terminator: String? = nil,
            firstDigitTimeout: Double = 5, interDigitTimeout: Double = 3, overallTimeout: Double = 30,
            sensitive: Bool = false, retry: RetryPolicy = RetryPolicy(), next: String, fallback: String
        ) {
            self.prompts = prompts
            self.variable = variable
            self.minLength = minLength
            self.maxLength = maxLength
            self.terminator = terminator
            self.firstDigitTimeout = firstDigitTimeout
            self.interDigitTimeout = interDigitTimeout
            self.overallTimeout = overallTimeout
            self.sensitive = sensitive
            self.retry = retry
            self.next = next
            self.fallback = fallback
        }

        private enum CodingKeys: String, CodingKey {
            case prompts, variable, minLength, maxLength, terminator, firstDigitTimeout, interDigitTimeout, overallTimeout
            case sensitive, next, fallback
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            prompts = try c.decode(.prompts, or: [])
            variable = try c.decode(.variable, or: "")
            minLength = try c.decode(.minLength, or: 1)
            maxLength = try c.decode(.maxLength, or: 0)
            terminator = try c.decodeIfPresent(String.self, forKey: .terminator)
            firstDigitTimeout = try c.decode(.firstDigitTimeout, or: 5)
            interDigitTimeout = try c.decode(.interDigitTimeout, or: 3)
            overallTimeout = try c.decode(.overallTimeout, or: 30)
            sensitive = try c.decode(.sensitive, or: false)
            retry = try RetryPolicy(from: decoder)
            next = try c.decode(.next, or: "")
            fallback = try c.decode(.fallback, or: "")
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(prompts, forKey: .prompts)
            try c.encode(variable, forKey: .variable)
            try c.encode(minLength, forKey: .minLength)
            try c.encode(maxLength, forKey: .maxLength)
            try c.encodeIfPresent(terminator, forKey: .terminator)
            try c.encode(firstDigitTimeout, forKey: .firstDigitTimeout)
            try c.encode(interDigitTimeout, forKey: .interDigitTimeout)
            try c.encode(overallTimeout, forKey: .overallTimeout)
            try c.encode(sensitive, forKey: .sensitive)
            try c.encode(next, forKey: .next)
            try c.encode(fallback, forKey: .fallback)
            try retry.encode(to: encoder)
        }
    }
}
