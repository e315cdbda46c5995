extension IVRNode {
    /// Books a callback: the caller keeps their number and place in line, then the flow goes on
    /// (usually to a confirmation and a hang-up).
    public struct Callback: Sendable, Hashable, Codable {
        /// ACD queue that will place the call back.
        public var queue: String
        /// Variable holding the number to call back (e.g. from a collect node); caller ID when absent.
        public var numberVariable: String?
        /// Base priority of the callback.
        public var priority: Int
        /// Where to go with the callback booked.
        public var next: String
        /// Where to go when there is no number to call back; when absent, `next` is used.
        public var failed: String?

        public init(queue: String, numberVariable: String? = nil, priority: Int = 0, next: String, failed: String? = nil) {
            self.queue = queue
            self.numberVariable = numberVariable
            self.priority = priority
            self.next = next
            self.failed = failed
        }

        private enum CodingKeys: String, CodingKey { case queue, numberVariable, priority, next, failed }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            queue = try c.decode(.queue, or: "")
            numberVariable = try c.decodeIfPresent(String.self, forKey: .numberVariable)
            priority = try c.decode(.priority, or: 0)
            next = try c.decode(.next, or: "")
            failed = try c.decodeIfPresent(String.self, forKey: .failed)
        }
    }
}
