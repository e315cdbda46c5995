import ArgumentParser

/// `ctibridge demo`: the service with its built-in Asterisk simulator.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Run against the built-in Asterisk simulator.")
    func run() async throws {}
}
