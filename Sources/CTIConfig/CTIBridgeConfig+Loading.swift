import Configuration
import Foundation

extension CTIBridgeConfig {
    /// Reads the configuration from an optional JSON file overlaid by environment variables
    /// (the environment wins), and validates it.
    ///
    /// - Parameters:
    ///   - file: Path of a JSON config file, or nil for environment and defaults only.
    ///   - environment: The variables to read; the process environment by default.
    /// - Throws: ``CTIBridgeConfigError`` listing every problem found, including a missing or
    ///   unparsable file (the environment is still checked then).
    public static func load(
        file: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws(CTIBridgeConfigError) -> CTIBridgeConfig {
        let secretVariables = Set(Keys.secrets.map(environmentVariableName(forKey:)))
        var sources = [
            SettingsReader.Source(
                provider: EnvironmentVariablesProvider(
                    environmentVariables: environment, secretsSpecifier: .specific(secretVariables)),
                describe: { "environment variable \(environmentVariableName(forKey: $0))" })
        ]
        var problems: [CTIBridgeConfigError.Problem] = []
        if let file {
            do {
                let provider = try await jsonFileProvider(path: file)
                sources.append(.init(provider: provider, describe: { _ in "file \(file)" }))
            } catch {
                problems += error.problems
            }
        }
        var settings = SettingsReader(sources: sources, problems: problems)
        return try read(&settings)
    }

    /// Reads and validates the configuration from these providers, the first one winning.
    ///
    /// For tests and embedding (an `InMemoryProvider`, say); the service uses ``load(file:environment:)``.
    public init(providers: [any ConfigProvider]) throws(CTIBridgeConfigError) {
        var settings = SettingsReader(
            sources: providers.map { provider in .init(provider: provider, describe: { _ in provider.providerName }) })
        self = try Self.read(&settings)
    }

    /// A provider over the JSON file at `path`.
    /// - Throws: The one problem that keeps the file from being used.
    static func jsonFileProvider(path: String) async throws(CTIBridgeConfigError) -> FileProvider<JSONSnapshot> {
        func problem(_ code: CTIBridgeConfigError.Code, _ message: String) -> CTIBridgeConfigError {
            CTIBridgeConfigError(problems: [.init(key: path, code: code, message: message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw problem(.fileNotFound, "config file not found")
        }
        guard !isDirectory.boolValue else {
            throw problem(.invalidFile, "is a directory, not a JSON config file")
        }
        do {
            let options = JSONSnapshot.ParsingOptions(secretsSpecifier: .specific(Keys.secrets))
            let location = ConfigReader(provider: InMemoryProvider(values: ["filePath": ConfigValue(.string(path), isSecret: false)]))
            return try await FileProvider<JSONSnapshot>(parsingOptions: options, config: location)
        } catch {
            throw problem(.invalidFile, "not a valid JSON config file: \(explain(error))")
        }
    }

    /// The most specific text an error offers (Foundation hides JSON syntax details in `NSDebugDescription`).
    private static func explain(_ error: any Error) -> String {
        if let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return String(describing: error)
    }
}
