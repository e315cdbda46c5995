extension IVRNode {
    /// Sends the call to a dialplan extension; the IVR ends here.
    public struct Transfer: Sendable, Hashable, Codable {
        /// Extension to continue at, e.g. `1001`.
        public var `extension`: String
        /// Dialplan context; the channel's own context when absent.
        public var context: String?

        public init(extension: String, context: String? = nil) {
            self.extension = `extension`
            self.context = context
        }

        private enum CodingKeys: String, CodingKey { case `extension`, context }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.extension = try c.decode(.extension, or: "")
            context = try c.decodeIfPresent(String.self, forKey: .context)
        }
    }
}
