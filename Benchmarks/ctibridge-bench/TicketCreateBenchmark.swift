import ArgumentParser
import CTICore
import Foundation
import Storage

/// `ctibridge-bench ticket-create`: tickets opened per second through the repository.
struct TicketCreateBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket-create",
        abstract: "Open tickets one transaction each (number, history, audit entry, webhook outbox row) and time them.",
        discussion: """
            Each create validates the draft, takes the next ticket number, inserts the ticket, its first \
            history row, an audit entry and one webhook outbox row, and commits. With --full-sync (the \
            default, as in production) every commit is fsynced; --no-full-sync shows the cost of that.
            """)

    @Option(help: "Tickets to create.")
    var tickets = 20_000

    @Option(help: "Concurrent creators (writes are serialised by SQLite; this measures queueing too).")
    var concurrency = 1

    @Option(help: "Database file; deleted first.")
    var path = "/tmp/ctibridge-bench-tickets.sqlite"

    @Flag(inversion: .prefixedNo, help: "fsync every commit (synchronous=FULL).")
    var fullSync = true

    func validate() throws {
        guard tickets > 0, concurrency > 0 else { throw ValidationError("--tickets and --concurrency must be positive") }
    }

    func run() throws {
        if let load = LoadAverage.line() { print(load) }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let hook = WebhookEndpoint(name: "crm", url: "http://127.0.0.1:9/hook", secret: "bench")
        let store = try CTIStore.open(StorageConfiguration(path: path, defaultCountry: "VN", webhooks: [hook], fullSync: fullSync))
        let customer = try runBlocking { try await store.customers.create(CustomerDraft(name: "Bench", phoneNumbers: ["0912345678"])) }
        let total = tickets
        let workers = concurrency
        print("Creating \(NumberFormat.grouped(total)) tickets, \(workers) concurrent creator(s), synchronous=\(fullSync ? "FULL" : "NORMAL")")
        var samples = LatencySamples(capacity: total)
        let elapsed = try Stopwatch.wall.seconds {
            samples = try runBlocking {
                try await withThrowingTaskGroup(of: LatencySamples.self) { group in
                    for worker in 0..<workers {
                        group.addTask {
                            var local = LatencySamples(capacity: total / workers + 1)
                            var index = worker
                            while index < total {
                                let draft = TicketDraft(
                                    subject: "Bench ticket \(index)", description: "No dial tone since this morning.",
                                    priority: TicketPriority.allCases[index % 4], category: "network",
                                    assignee: index.isMultiple(of: 2) ? .agent("agent\(index % 50)") : .group("support"),
                                    customerID: customer.id
                                )
                                let start = LatencySamples.now()
                                _ = try await store.tickets.create(draft, by: "bench")
                                local.append(LatencySamples.now() - start)
                                index += workers
                            }
                            return local
                        }
                    }
                    var all = LatencySamples(capacity: total)
                    for try await part in group {
                        for value in part.nanoseconds { all.append(value) }
                    }
                    return all
                }
            }
        }
        print("\(NumberFormat.grouped(total)) tickets in \(NumberFormat.fixed(elapsed, 2)) s: \(NumberFormat.grouped(Int(Double(total) / elapsed))) tickets/s")
        print(LatencyTable(rows: [("create", samples)]).render())
        let numbers = try runBlocking { try await store.tickets.search(TicketQuery(page: PageRequest(limit: 1)), visibleTo: nil) }
        guard numbers.total == total, numbers.items.first?.number == Int64(total) else {
            throw ValidationError("expected \(total) tickets numbered 1…\(total), found \(numbers.total)")
        }
        try store.close()
    }
}
