extension CTIBridgeConfig {
    /// Keys under `storage`: how numbers are read and where ticket and call events are posted.
    public struct Storage: Sendable, Hashable {
        /// ISO country (`VN`, `GB`) for numbers written without a country code; nil: the site file's.
        public var defaultCountry: String?
        /// Where the webhook posts ticket and call events (http or https); nil: no webhook.
        public var webhookURL: String?
        /// The webhook's HMAC-SHA256 signing key; never printed. Required with a URL.
        public var webhookSecret: Secret

        public init(defaultCountry: String? = nil, webhookURL: String? = nil, webhookSecret: Secret = Secret("")) {
            self.defaultCountry = defaultCountry
            self.webhookURL = webhookURL
            self.webhookSecret = webhookSecret
        }
    }

    /// Reads the `storage` keys, noting every problem.
    static func storage(_ settings: inout SettingsReader) -> Storage {
        var storage = Storage()
        if let country = settings.string(Keys.storageDefaultCountry)?.trimmingWhitespace() {
            if country.count == 2, country.allSatisfy({ $0.isASCII && $0.isLetter }) {
                storage.defaultCountry = country.uppercased()
            } else {
                settings.add(
                    Keys.storageDefaultCountry, .invalidValue,
                    "must be a two-letter ISO country code such as VN or GB, got \(country.debugDescription)\(settings.source(Keys.storageDefaultCountry))")
            }
        }
        let url = settings.string(Keys.storageWebhookURL)?.trimmingWhitespace()
        let secret = settings.string(Keys.storageWebhookSecret, isSecret: true) ?? ""
        if let url {
            if !(url.hasPrefix("http://") || url.hasPrefix("https://")) || url.contains(where: \.isWhitespace) {
                settings.add(
                    Keys.storageWebhookURL, .invalidValue,
                    "must be an http:// or https:// URL\(settings.source(Keys.storageWebhookURL))")
            }
            if secret.count < 16 {
                settings.add(
                    Keys.storageWebhookSecret, secret.isEmpty ? .missing : .invalidValue,
                    "must be set (16 characters or more) when \(Keys.storageWebhookURL) is set\(settings.source(Keys.storageWebhookSecret))")
            }
            storage.webhookURL = url
        } else if !secret.isEmpty {
            settings.add(Keys.storageWebhookSecret, .invalidValue, "is used only with \(Keys.storageWebhookURL)\(settings.source(Keys.storageWebhookSecret))")
        }
        storage.webhookSecret = Secret(secret)
        return storage
    }
}
