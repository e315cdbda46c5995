import ArgumentParser

/// `ctibridge ivr`: IVR call-flow tools.
struct IVRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ivr",
        abstract: "IVR call-flow tools.",
        subcommands: [IVRValidateCommand.self]
    )
}
