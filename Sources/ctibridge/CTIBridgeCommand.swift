import ArgumentParser

/// `ctibridge`: the contact-centre service beside Asterisk.
@main
struct CTIBridgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctibridge",
        abstract: "Contact-centre service (ACD, IVR, CTI, CRM, QA) for an existing Asterisk PBX.",
        subcommands: [
            DemoCommand.self, ServeCommand.self, CheckConfigCommand.self, IVRCommand.self, ErlangCommand.self,
            StorageLoadCommand.self,
        ]
    )
}
