extension IVRNode {
    /// Looks the caller ID up in the CRM and branches on the result.
    ///
    /// A found customer sets the variables `customer.id` and `customer.name`.
    public struct Lookup: Sendable, Hashable, Codable {
        /// Target when a customer matches.
        public var found: String
        /// Target when none matches, or the caller ID is withheld.
        public var notFound: String
        /// Target for a VIP customer; when absent, `found` is used.
        public var vip: String?
        /// Target when the CRM fails or times out; when absent, `notFound` is used.
        public var failed: String?
        /// Seconds to wait for the CRM.
        public var timeout: Double

        public init(found: String, notFound: String, vip: String? = nil, failed: String? = nil, timeout: Double = 3) {
            self.found = found
            self.notFound = notFound
            self.vip = vip
            self.failed = failed
            self.timeout = timeout
        }

        private enum CodingKeys: String, CodingKey { case found, notFound, vip, failed, timeout }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            found = try c.decode(.found, or: "")
            notFound = try c.decode(.notFound, or: "")
            vip = try c.decodeIfPresent(String.self, forKey: .vip)
            failed = try c.decodeIfPresent(String.self, forKey: .failed)
            timeout = try c.decode(.timeout, or: 3)
        }
    }
}
