import Foundation

extension CTIBridgeConfig {
    /// Reads every key, noting all problems, and returns the configuration only if there are none.
    static func read(_ settings: inout SettingsReader) throws(CTIBridgeConfigError) -> CTIBridgeConfig {
        let amiHost = host(Keys.amiHost, default: "127.0.0.1", &settings)
        let amiPort = settings.port(Keys.amiPort, default: 5038)
        let username = settings.requiredString(Keys.amiUsername)
        let secret = settings.requiredString(Keys.amiSecret, isSecret: true)
        if let username, username.contains(where: \.isWhitespace) {
            settings.add(Keys.amiUsername, .invalidValue, "must not contain spaces or line breaks\(settings.source(Keys.amiUsername))")
        }
        if let secret, secret.contains(where: \.isNewline) {
            settings.add(Keys.amiSecret, .invalidValue, "must not contain line breaks\(settings.source(Keys.amiSecret))")
        }
        let authMethod = settings.choice(Keys.amiAuthMethod, default: AMI.AuthMethod.md5, what: "auth method")
        let events = eventMask(&settings)
        let pingInterval = settings.seconds(Keys.amiPingIntervalSeconds, default: 15)
        let actionTimeout = settings.seconds(Keys.amiActionTimeoutSeconds, default: 10)
        let transport = settings.choice(Keys.amiTransport, default: AMI.Transport.tcp, what: "transport")
        let tlsCAFile = settings.string(Keys.amiTLSCAFile)
        let tlsServerName = settings.string(Keys.amiTLSServerName)
        for (key, value) in [(Keys.amiTLSCAFile, tlsCAFile), (Keys.amiTLSServerName, tlsServerName)]
        where transport == .tcp && value != nil {
            settings.add(key, .invalidValue, "is used only with \(Keys.amiTransport) = tls\(settings.source(key))")
        }
        if transport == .tls, let tlsCAFile, !FileManager.default.isReadableFile(atPath: tlsCAFile) {
            settings.add(Keys.amiTLSCAFile, .invalidValue, "cannot read \(tlsCAFile.debugDescription)\(settings.source(Keys.amiTLSCAFile))")
        }
        let ariURL = settings.string(Keys.ariURL, default: "http://127.0.0.1:8088/ari")
        if !(ariURL.hasPrefix("http://") || ariURL.hasPrefix("https://")) || ariURL.contains(where: \.isWhitespace) {
            settings.add(Keys.ariURL, .invalidValue, "must be an http:// or https:// URL such as http://127.0.0.1:8088/ari\(settings.source(Keys.ariURL))")
        }
        let ariUsername = settings.string(Keys.ariUsername, default: "ctibridge")
        let ariPassword = settings.string(Keys.ariPassword, isSecret: true) ?? ""
        let ariApplication = settings.string(Keys.ariApplication, default: "ctibridge")
        if ariApplication.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            settings.add(Keys.ariApplication, .invalidValue, "may hold only letters, digits, '-' and '_'\(settings.source(Keys.ariApplication))")
        }
        let siteFile = settings.string(Keys.siteFile)
        let httpHost = host(Keys.httpHost, default: "127.0.0.1", &settings)
        let httpPort = settings.port(Keys.httpPort, default: 8080)
        let databasePath = settings.string(Keys.databasePath, default: "ctibridge.sqlite")
        let level = settings.choice(Keys.logLevel, default: Log.Level.info, what: "log level")
        let format = settings.choice(Keys.logFormat, default: Log.Format.text, what: "log format")

        let storage = Self.storage(&settings)

        guard settings.problems.isEmpty, let username, let secret else {
            throw CTIBridgeConfigError(problems: settings.problems)
        }
        var ami = AMI(
            host: amiHost, port: amiPort, username: username, secret: Secret(secret), authMethod: authMethod,
            events: events, pingInterval: pingInterval, actionTimeout: actionTimeout)
        ami.transport = transport
        ami.tlsCAFile = tlsCAFile
        ami.tlsServerName = tlsServerName
        var asterisk = Asterisk(ami: ami)
        asterisk.ari = ARI(url: ariURL, username: ariUsername, password: Secret(ariPassword), application: ariApplication)
        var config = CTIBridgeConfig(
            asterisk: asterisk, http: HTTP(host: httpHost, port: httpPort),
            database: Database(path: databasePath), log: Log(level: level, format: format))
        config.site = Site(file: siteFile)
        config.storage = storage
        return config
    }

    private static func host(_ key: String, default defaultValue: String, _ settings: inout SettingsReader) -> String {
        let host = settings.string(key, default: defaultValue)
        if host.contains(where: \.isWhitespace) {
            settings.add(key, .invalidValue, "must be a host name or address without spaces, got \(host.debugDescription)\(settings.source(key))")
        }
        return host
    }

    /// AMI event classes (manager.h) accepted in `Events:`.
    static let eventClasses: Set<String> = [
        "system", "call", "log", "verbose", "command", "agent", "user", "config", "dtmf", "reporting", "cdr",
        "dialplan", "originate", "agi", "cc", "aoc", "security", "message", "all",
    ]

    /// Words Asterisk takes as "all events" or "none".
    static let eventSwitches: Set<String> = ["on", "off", "yes", "no", "true", "false"]

    /// `on`, `off`, or a comma-separated list of event classes.
    private static func eventMask(_ settings: inout SettingsReader) -> String {
        let key = Keys.amiEvents
        let mask = settings.string(key, default: "on").trimmingWhitespace()
        if eventSwitches.contains(mask.lowercased()) { return mask }
        let words = mask.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        let unknown = words.filter { !eventClasses.contains($0.lowercased()) }
        guard unknown.isEmpty else {
            let listed = unknown.map(\.debugDescription).joined(separator: ", ")
            settings.add(
                key, .unknownValue,
                "unknown event class \(listed); expected on, off, or a comma-separated list of: \(eventClasses.sorted().joined(separator: ", "))\(settings.source(key))")
            return "on"
        }
        return words.joined(separator: ",")
    }
}
