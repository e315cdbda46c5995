extension IVRNode {
    /// Hands the call to the ACD; the IVR ends here.
    public struct Queue: Sendable, Hashable, Codable {
        /// ACD queue id.
        public var queue: String
        /// Required skill → minimum level (1-10).
        public var skills: [String: Int]
        /// Base priority; higher is served first.
        public var priority: Int

        public init(queue: String, skills: [String: Int] = [:], priority: Int = 0) {
            self.queue = queue
            self.skills = skills
            self.priority = priority
        }

        private enum CodingKeys: String, CodingKey { case queue, skills, priority }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            queue = try c.decode(.queue, or: "")
            skills = try c.decode(.skills, or: [:])
            priority = try c.decode(.priority, or: 0)
        }
    }
}
