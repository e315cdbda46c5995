extension CTIBridgeConfig {
    /// Keys under `asterisk.ari`: how CTIBridge reaches the Asterisk REST Interface (IVR and ACD).
    public struct ARI: Sendable, Hashable {
        /// Base URL of ARI, ending in `/ari` (`http://127.0.0.1:8088/ari`; `https://` behind TLS).
        public var url: String
        /// The `[user]` in ari.conf.
        public var username: String
        /// That user's password; never printed. Empty when not configured (then `serve` refuses to start).
        public var password: Secret
        /// The Stasis application name the dialplan sends calls to.
        public var application: String

        public init(url: String = "http://127.0.0.1:8088/ari", username: String = "ctibridge", password: Secret = Secret(""), application: String = "ctibridge") {
            self.url = url
            self.username = username
            self.password = password
            self.application = application
        }
    }

    /// Keys under `site`: the contact centre's own set-up.
    public struct Site: Sendable, Hashable {
        /// The site file (queues, agents, IVR flows, DNIS routes); required by `serve`.
        public var file: String?

        public init(file: String? = nil) {
            self.file = file
        }
    }
}
