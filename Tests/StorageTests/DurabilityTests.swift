import CTICore
import Foundation
import GRDB
import Storage
import TestSupport
import Testing

@Suite("durability: SIGKILL during writes loses nothing committed")
struct DurabilityTests {
    /// `ctibridge`, built next to the test bundle by `swift build --build-tests`.
    static var ctibridgePath: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("ctibridge").path
    }

    @Test("a child writing tickets and calls is killed mid-load; every id it printed is in the reopened file")
    func killMidLoad() async throws {
        let executable = Self.ctibridgePath
        try #require(FileManager.default.isExecutableFile(atPath: executable), "build ctibridge first: \(executable)")
        let directory = try TemporaryDirectory()
        let path = directory.file("load.sqlite")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["storage-load", "--path", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()

        // Reading the pipe blocks, so it runs on a thread of its own, not one of Swift's few cooperative
        // threads (nor Dispatch's global queues, which share them on Linux).
        let child = Child(process: process, pipe: pipe)
        let text = try await offCooperativePool { child.readUntilKilled() }
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)

        // Only whole lines count: a line cut by the kill was not fully printed.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if !text.hasSuffix("\n") { lines.removeLast() }
        let printed = lines.filter { !$0.isEmpty }
        let tickets = printed.filter { $0.hasPrefix("ticket ") }.compactMap { Int64($0.dropFirst(7)) }
        let calls = printed.filter { $0.hasPrefix("interaction ") }.compactMap { Int64($0.dropFirst(12)) }
        #expect(tickets.count >= 100 && calls.count >= 100, "child printed \(tickets.count) tickets, \(calls.count) calls")
        #expect(tickets.count + calls.count == printed.count)

        let store = try CTIStore.open(StorageConfiguration(path: path, defaultCountry: "VN"))
        let (storedTickets, storedCalls, integrity) = try await store.database.read { db in
            (
                Set(try Int64.fetchAll(db, sql: "SELECT id FROM tickets")),
                Set(try Int64.fetchAll(db, sql: "SELECT id FROM interactions")),
                try String.fetchOne(db, sql: "PRAGMA integrity_check")
            )
        }
        #expect(integrity == "ok")
        #expect(Set(tickets).subtracting(storedTickets).isEmpty, "lost tickets")
        #expect(Set(calls).subtracting(storedCalls).isEmpty, "lost interactions")
        #expect(storedTickets.count >= tickets.count)
        // Ticket numbers stay sequential across the crash: the next one follows the last stored.
        let next = try await store.tickets.create(TicketDraft(subject: "after crash"), by: "test").number
        #expect(next == Int64(storedTickets.count) + 1)
        try store.close()
    }

    /// The child process and its output pipe, handed to one reading thread.
    struct Child: @unchecked Sendable {
        let process: Process
        let pipe: Pipe

        /// Reads the child's output until it has printed 300 lines (or two minutes pass), kills it with
        /// SIGKILL and returns everything it printed.
        func readUntilKilled() -> String {
            var text = ""
            let reader = pipe.fileHandleForReading
            let deadline = Date().addingTimeInterval(120)
            // Let it commit a good number of rows, then kill it without warning.
            while text.split(separator: "\n").count < 300, Date() < deadline, process.isRunning {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return text + String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
        }
    }
}
