extension IVRNode {
    /// Plays prompts, then goes on to `next`.
    public struct Play: Sendable, Hashable, Codable {
        /// Sound URIs (`sound:welcome`, `digits:12`, …), played in one playback.
        public var prompts: [String]
        /// Where to go when the prompts end.
        public var next: String
        /// Whether a digit stops the prompt (the digit is kept for the next node that reads digits).
        /// When false, digits pressed during the prompt are discarded.
        public var bargeIn: Bool

        public init(prompts: [String], next: String, bargeIn: Bool = true) {
            self.prompts = prompts
            self.next = next
            self.bargeIn = bargeIn
        }

        private enum CodingKeys: String, CodingKey { case prompts, next, bargeIn }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            prompts = try c.decode(.prompts, or: [])
            next = try c.decode(.next, or: "")
            bargeIn = try c.decode(.bargeIn, or: true)
        }
    }
}
