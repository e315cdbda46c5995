extension IVRNode {
    /// Asks questions answered with one key from 1 to 5, then emits the scores for storage.
    public struct Survey: Sendable, Hashable, Codable {
        /// Survey id the results are stored under.
        public var survey: String
        /// The questions, asked in order.
        public var questions: [Question]
        /// Seconds to wait for a score after a question's prompts.
        public var timeout: Double
        /// Retries per question; a question still unanswered after them is stored without a score.
        public var retry: RetryPolicy
        /// Where to go after the last question.
        public var next: String

        public init(survey: String, questions: [Question], timeout: Double = 5, retry: RetryPolicy = RetryPolicy(), next: String) {
            self.survey = survey
            self.questions = questions
            self.timeout = timeout
            self.retry = retry
            self.next = next
        }

        /// One question scored 1-5.
        public struct Question: Sendable, Hashable, Codable {
            /// Unique within the survey.
            public var id: String
            /// The question prompts.
            public var prompts: [String]

            public init(id: String, prompts: [String]) {
                self.id = id
                self.prompts = prompts
            }

            private enum CodingKeys: String, CodingKey { case id, prompts }

            public init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                id = try c.decode(.id, or: "")
                prompts = try c.decode(.prompts, or: [])
            }
        }

        private enum CodingKeys: String, CodingKey { case survey, questions, timeout, next }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            survey = try c.decode(.survey, or: "")
            questions = try c.decode(.questions, or: [])
            timeout = try c.decode(.timeout, or: 5)
            retry = try RetryPolicy(from: decoder)
            next = try c.decode(.next, or: "")
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(survey, forKey: .survey)
            try c.encode(questions, forKey: .questions)
            try c.encode(timeout, forKey: .timeout)
            try c.encode(next, forKey: .next)
            try retry.encode(to: encoder)
        }
    }
}
