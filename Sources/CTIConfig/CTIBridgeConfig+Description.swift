extension CTIBridgeConfig {
    /// Every setting as `key`/value text, secrets shown only as `<set>` or `<missing>`.
    public var redactedSettings: [(key: String, value: String)] {
        let ami = asterisk.ami
        return [
            (Keys.amiHost, ami.host),
            (Keys.amiPort, String(ami.port)),
            (Keys.amiUsername, ami.username),
            (Keys.amiSecret, ami.secret.isEmpty ? "<missing>" : "<set>"),
            (Keys.amiAuthMethod, ami.authMethod.rawValue),
            (Keys.amiEvents, ami.events),
            (Keys.amiPingIntervalSeconds, Self.seconds(ami.pingInterval)),
            (Keys.amiActionTimeoutSeconds, Self.seconds(ami.actionTimeout)),
            (Keys.amiTransport, ami.transport.rawValue),
            (Keys.amiTLSCAFile, ami.tlsCAFile ?? "<system trust store>"),
            (Keys.amiTLSServerName, ami.tlsServerName ?? "<host>"),
            (Keys.ariURL, asterisk.ari.url),
            (Keys.ariUsername, asterisk.ari.username),
            (Keys.ariPassword, asterisk.ari.password.isEmpty ? "<missing>" : "<set>"),
            (Keys.ariApplication, asterisk.ari.application),
            (Keys.httpHost, http.host),
            (Keys.httpPort, String(http.port)),
            (Keys.databasePath, database.path),
            (Keys.logLevel, log.level.rawValue),
            (Keys.logFormat, log.format.rawValue),
            (Keys.siteFile, site.file ?? "<none>"),
            (Keys.storageDefaultCountry, storage.defaultCountry ?? "<site file>"),
            (Keys.storageWebhookURL, storage.webhookURL ?? "<none>"),
            (Keys.storageWebhookSecret, storage.webhookSecret.isEmpty ? "<missing>" : "<set>"),
        ]
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard attoseconds != 0 else { return String(seconds) }
        return String(Double(seconds) + Double(attoseconds) / 1e18)
    }
}

extension CTIBridgeConfig: CustomStringConvertible, CustomDebugStringConvertible {
    /// One `key = value` line per setting, with the secret redacted.
    public var description: String {
        redactedSettings.map { "\($0.key) = \($0.value)" }.joined(separator: "\n")
    }

    public var debugDescription: String { "CTIBridgeConfig(\(redactedSettings.map { "\($0.key): \($0.value)" }.joined(separator: ", ")))" }
}

extension CTIBridgeConfig.AMI: CustomStringConvertible {
    /// The AMI settings with the secret redacted.
    public var description: String {
        "AMI(\(host):\(port), username: \(username), secret: \(secret), authMethod: \(authMethod.rawValue), events: \(events))"
    }
}
