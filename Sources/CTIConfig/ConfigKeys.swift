extension CTIBridgeConfig {
    /// The configuration keys, in the order they are read and shown.
    public enum Keys {
        public static let amiHost = "asterisk.ami.host"
        public static let amiPort = "asterisk.ami.port"
        public static let amiUsername = "asterisk.ami.username"
        public static let amiSecret = "asterisk.ami.secret"
        public static let amiAuthMethod = "asterisk.ami.authMethod"
        public static let amiEvents = "asterisk.ami.events"
        public static let amiPingIntervalSeconds = "asterisk.ami.pingIntervalSeconds"
        public static let amiActionTimeoutSeconds = "asterisk.ami.actionTimeoutSeconds"
        public static let amiTransport = "asterisk.ami.transport"
        public static let amiTLSCAFile = "asterisk.ami.tlsCaFile"
        public static let amiTLSServerName = "asterisk.ami.tlsServerName"
        public static let ariURL = "asterisk.ari.url"
        public static let ariUsername = "asterisk.ari.username"
        public static let ariPassword = "asterisk.ari.password"
        public static let ariApplication = "asterisk.ari.application"
        public static let httpHost = "http.host"
        public static let httpPort = "http.port"
        public static let databasePath = "database.path"
        public static let logLevel = "log.level"
        public static let logFormat = "log.format"
        public static let siteFile = "site.file"
        public static let storageDefaultCountry = "storage.defaultCountry"
        public static let storageWebhookURL = "storage.webhook.url"
        public static let storageWebhookSecret = "storage.webhook.secret"

        /// Keys whose values are secret: redacted by the providers and never printed.
        public static let secrets: Set<String> = [amiSecret, ariPassword, storageWebhookSecret]
    }
}
