import Configuration

/// Reads typed values through a `ConfigReader` and notes every problem instead of stopping at the first.
struct SettingsReader {
    /// One layer of configuration and how to name it in messages.
    struct Source {
        var provider: any ConfigProvider
        /// Says where a key's value came from, e.g. "environment variable ASTERISK_AMI_PORT".
        var describe: @Sendable (_ key: String) -> String
    }

    private let sources: [Source]
    private let reader: ConfigReader
    /// Reads the same layers without reporting, to show what a mistyped value was.
    private let probe: ConfigReader
    private let recorder = AccessRecorder()
    private(set) var problems: [CTIBridgeConfigError.Problem]

    init(sources: [Source], problems: [CTIBridgeConfigError.Problem] = []) {
        self.sources = sources
        let providers = sources.map(\.provider)
        // ConfigReader needs at least one provider; an empty one stands in for none.
        let layers = providers.isEmpty ? [InMemoryProvider(values: [:])] : providers
        self.reader = ConfigReader(providers: layers, accessReporter: recorder)
        self.probe = ConfigReader(providers: layers)
        self.problems = problems
    }

    /// A string; `nil` when no layer sets it (or it has the wrong type, which is noted).
    mutating func string(_ key: String, isSecret: Bool = false) -> String? {
        let value = reader.string(forKey: ConfigKey(key), isSecret: isSecret)
        checkType(key, expected: "a string", isSecret: isSecret)
        return value
    }

    /// A string that must be set and not blank.
    mutating func requiredString(_ key: String, isSecret: Bool = false) -> String? {
        let value = string(key, isSecret: isSecret)
        if let value, !value.allSatisfy(\.isWhitespace) { return value }
        // A value of the wrong type was already reported; do not also call it missing.
        if value == nil && hasProblem(key) { return nil }
        let variable = CTIBridgeConfig.environmentVariableName(forKey: key)
        add(key, .missing, "required but not set (set it in the config file or in \(variable))")
        return nil
    }

    /// A string with a default; blank values are a problem.
    mutating func string(_ key: String, default defaultValue: String) -> String {
        guard let value = string(key) else { return defaultValue }
        if value.allSatisfy(\.isWhitespace) {
            add(key, .invalidValue, "must not be empty\(source(key))")
            return defaultValue
        }
        return value
    }

    /// A TCP port, 1-65535.
    mutating func port(_ key: String, default defaultValue: Int) -> Int {
        let value = reader.int(forKey: ConfigKey(key))
        checkType(key, expected: "an integer port number")
        guard let value else { return defaultValue }
        guard (1...65535).contains(value) else {
            add(key, .outOfRange, "must be a port from 1 to 65535, got \(value)\(source(key))")
            return defaultValue
        }
        return value
    }

    /// A positive, finite number of seconds.
    mutating func seconds(_ key: String, default defaultValue: Double) -> Duration {
        let value = reader.double(forKey: ConfigKey(key))
        checkType(key, expected: "a number of seconds")
        guard let value else { return .seconds(defaultValue) }
        guard value > 0, value.isFinite else {
            add(key, .outOfRange, "must be a positive number of seconds, got \(value)\(source(key))")
            return .seconds(defaultValue)
        }
        return .seconds(value)
    }

    /// One of a fixed set of words, compared case-insensitively.
    mutating func choice<Choice: RawRepresentable<String> & CaseIterable>(
        _ key: String, default defaultValue: Choice, what: String
    ) -> Choice {
        guard let text = string(key) else { return defaultValue }
        let word = text.trimmingWhitespace().lowercased()
        guard let value = Choice.allCases.first(where: { $0.rawValue.lowercased() == word }) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            add(key, .unknownValue, "unknown \(what) \(quoted(text)); expected one of: \(allowed)\(source(key))")
            return defaultValue
        }
        return value
    }

    /// Notes a problem with `key`.
    mutating func add(_ key: String, _ code: CTIBridgeConfigError.Code, _ message: String) {
        problems.append(.init(key: key, code: code, message: message))
    }

    /// Whether a problem was already noted for `key`.
    func hasProblem(_ key: String) -> Bool {
        problems.contains { $0.key == key }
    }

    /// " (from environment variable X)" for the layer that set `key`, or "" when none did.
    func source(_ key: String) -> String {
        for source in sources where hasValue(key, in: source.provider) {
            return " (from \(source.describe(key)))"
        }
        return ""
    }

    private func hasValue(_ key: String, in provider: any ConfigProvider) -> Bool {
        // Asking for a string either finds it, finds another type (throws), or finds nothing.
        do {
            return try provider.value(forKey: AbsoluteConfigKey(ConfigKey(key).components), type: .string).value != nil
        } catch {
            return true
        }
    }

    private mutating func checkType(_ key: String, expected: String, isSecret: Bool = false) {
        let outcome = recorder.take()
        guard outcome.failed else { return }
        var found = ""
        if !isSecret, let shown = shownValue(key) { found = ", got \(shown)" }
        var origin = ""
        if let index = outcome.providerIndex, sources.indices.contains(index) {
            origin = " (from \(sources[index].describe(key)))"
        }
        add(key, .wrongType, "expected \(expected)\(found)\(origin)")
    }

    /// The value as found, for messages about non-secret keys.
    private func shownValue(_ key: String) -> String? {
        let configKey = ConfigKey(key)
        if let text = probe.string(forKey: configKey) { return quoted(text) }
        if let number = probe.int(forKey: configKey) { return String(number) }
        if let number = probe.double(forKey: configKey) { return String(number) }
        if let flag = probe.bool(forKey: configKey) { return String(flag) }
        if probe.stringArray(forKey: configKey) != nil || probe.doubleArray(forKey: configKey) != nil { return "a list" }
        return nil
    }

    private func quoted(_ text: String) -> String {
        text.debugDescription
    }
}

extension String {
    /// The string without leading and trailing white space.
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }
}
