import ArgumentParser
import CTIConfig
import Foundation

/// `ctibridge check-config`: validates the configuration and lists every problem.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the configuration.",
        discussion: """
            Reads the JSON file (if given) and the environment, which wins over the file \
            (asterisk.ami.host <-> ASTERISK_AMI_HOST). Prints a summary with secrets shown only \
            as <set>, or every problem found, and then exits non-zero.
            """)

    @Option(name: .long, help: ArgumentHelp("JSON configuration file.", valueName: "file"))
    var config: String?

    func run() async throws {
        let loaded: CTIBridgeConfig
        do {
            loaded = try await CTIBridgeConfig.load(file: config)
        } catch {
            printToStandardError(error.description)
            throw ExitCode.failure
        }
        print("configuration OK")
        print("  config file: \(config ?? "(none: environment and defaults)")")
        let width = loaded.redactedSettings.map(\.key.count).max() ?? 0
        for (key, value) in loaded.redactedSettings {
            print("  \(key)\(String(repeating: " ", count: width - key.count))  \(value)")
        }
        print("  AMI client: \(loaded.asterisk.ami.clientConfiguration)")
    }

    private func printToStandardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
