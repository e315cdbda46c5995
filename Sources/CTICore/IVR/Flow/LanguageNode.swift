extension IVRNode {
    /// Sets the prompt language: either fixed (`language`) or chosen by a digit (`choices`).
    public struct Language: Sendable, Hashable, Codable {
        /// Fixed language to set; used when `choices` is empty.
        public var language: String?
        /// The "press 1 for English" prompts, for a choice.
        public var prompts: [String]
        /// Digit → language code, e.g. `{"1": "en", "2": "vi"}`.
        public var choices: [String: String]
        /// Language set when the caller makes no valid choice.
        public var defaultLanguage: String?
        /// Seconds to wait for a digit after the prompts end.
        public var timeout: Double
        /// Retries after an invalid digit or no digit.
        public var retry: RetryPolicy
        /// Where to go with the language set.
        public var next: String

        public init(
            language: String? = nil, prompts: [String] = [], choices: [String: String] = [:], defaultLanguage: String? = nil,
            timeout: Double = 5, retry: RetryPolicy = RetryPolicy(), next: String
        ) {
            self.language = language
            self.prompts = prompts
            self.choices = choices
            self.defaultLanguage = defaultLanguage
            self.timeout = timeout
            self.retry = retry
            self.next = next
        }

        private enum CodingKeys: String, CodingKey {
            case language, prompts, choices, timeout, next
            case defaultLanguage = "default"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            language = try c.decodeIfPresent(String.self, forKey: .language)
            prompts = try c.decode(.prompts, or: [])
            choices = try c.decode(.choices, or: [:])
            defaultLanguage = try c.decodeIfPresent(String.self, forKey: .defaultLanguage)
            timeout = try c.decode(.timeout, or: 5)
            retry = try RetryPolicy(from: decoder)
            next = try c.decode(.next, or: "")
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(language, forKey: .language)
            try c.encode(prompts, forKey: .prompts)
            try c.encode(choices, forKey: .choices)
            try c.encodeIfPresent(defaultLanguage, forKey: .defaultLanguage)
            try c.encode(timeout, forKey: .timeout)
            try c.encode(next, forKey: .next)
            try retry.encode(to: encoder)
        }
    }
}
