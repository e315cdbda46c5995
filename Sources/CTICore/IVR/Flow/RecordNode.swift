extension IVRNode {
    /// Records a voicemail-style message after optional prompts and a beep.
    public struct Record: Sendable, Hashable, Codable {
        /// Mailbox (team or person) the message is for.
        public var mailbox: String
        /// Played before the recording starts ("leave a message after the tone").
        public var prompts: [String]
        /// Longest message in seconds.
        public var maxDuration: Double
        /// Seconds of silence that end the message; nil to disable.
        public var maxSilence: Double?
        /// Play a beep before recording.
        public var beep: Bool
        /// Key that ends the message; nil for none.
        public var terminator: String?
        /// Where to go with the message stored.
        public var next: String
        /// Where to go when recording fails; when absent, `next` is used.
        public var failed: String?

        public init(
            mailbox: String, prompts: [String] = [], maxDuration: Double = 120, maxSilence: Double? = 5, beep: Bool = true,
            terminator: String? = "#", next: String, failed: String? = nil
        ) {
            self.mailbox = mailbox
            self.prompts = prompts
            self.maxDuration = maxDuration
            self.maxSilence = maxSilence
            self.beep = beep
            self.terminator = terminator
            self.next = next
            self.failed = failed
        }

        private enum CodingKeys: String, CodingKey { case mailbox, prompts, maxDuration, maxSilence, beep, terminator, next, failed }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            mailbox = try c.decode(.mailbox, or: "")
            prompts = try c.decode(.prompts, or: [])
            maxDuration = try c.decode(.maxDuration, or: 120)
            maxSilence = try c.decodeIfPresent(Double.self, forKey: .maxSilence)
            beep = try c.decode(.beep, or: true)
            terminator = try c.decodeIfPresent(String.self, forKey: .terminator)
            next = try c.decode(.next, or: "")
            failed = try c.decodeIfPresent(String.self, forKey: .failed)
        }
    }
}
