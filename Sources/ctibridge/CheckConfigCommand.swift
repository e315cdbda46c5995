import ArgumentParser

/// `ctibridge check-config`: validates the configuration and lists every problem.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check-config", abstract: "Validate the configuration.")
    func run() async throws {}
}
