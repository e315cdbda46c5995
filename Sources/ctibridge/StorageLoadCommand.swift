import ArgumentParser
import CTICore
import Foundation
import Storage

/// `ctibridge storage-load` (hidden): writes tickets and calls in a loop and prints each id once
/// its transaction has committed. The durability test SIGKILLs it mid-run and checks every
/// printed id survived.
struct StorageLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storage-load",
        abstract: "Write tickets and interactions in a loop, printing committed ids (durability testing).",
        shouldDisplay: false
    )

    @Option(help: "SQLite database file.")
    var path: String

    @Option(help: "Pairs (ticket + interaction) to write; 0 writes until killed.")
    var count: Int = 0

    @Option(help: "Default country for phone numbers.")
    var country: String = "VN"

    func run() async throws {
        let store = try CTIStore.open(StorageConfiguration(path: path, defaultCountry: country))
        let output = FileHandle.standardOutput
        var index = 0
        while count == 0 || index < count {
            index += 1
            let ticket = try await store.tickets.create(
                TicketDraft(subject: "Load ticket \(index)", description: "written by storage-load", priority: .normal), by: "storage-load"
            )
            output.write(Data("ticket \(ticket.id)\n".utf8))
            let call = try await store.interactions.record(
                InteractionDraft(
                    callID: "load.\(index)", direction: .inbound, fromNumber: "0912\(String(format: "%06d", index % 1_000_000))",
                    toNumber: "1900", queue: "load", startedAt: Date(), talkSeconds: 1, ticketIDs: [ticket.id]
                )
            )
            output.write(Data("interaction \(call.id)\n".utf8))
        }
        try store.close()
    }
}
