import ArgumentParser
import CTICore
import Foundation
import Storage

/// `ctibridge-bench crm-lookup`: caller-ID lookup latency against a large customer table.
struct CRMLookupBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crm-lookup",
        abstract: "Caller-ID lookup (any written number form → customer) at 1,000,000 customers.",
        discussion: """
            Fills a SQLite file (WAL) with --customers customers, each with one or two Vietnamese mobile \
            numbers, through the import API in batches; reuses the file when it already holds them. Then \
            times CTIStore.customers.lookup for random known numbers written in national form \
            (0 9xx xxx xxx, normalised to E.164) and for unknown numbers, one call at a time.
            """)

    @Option(help: "Customers in the table.")
    var customers = 1_000_000

    @Option(help: "Lookups timed (hits; misses are a tenth of this).")
    var lookups = 100_000

    @Option(help: "Database file; kept for the next run.")
    var path = "/tmp/ctibridge-bench-crm.sqlite"

    @Option(help: "Seed for the numbers looked up.")
    var seed: UInt64 = 2026

    @Flag(help: "Time the async API (await lookup) instead of the synchronous lookupNow.")
    var async = false

    func validate() throws {
        guard customers > 0, lookups > 0 else { throw ValidationError("--customers and --lookups must be positive") }
    }

    /// The national significant number of customer `index`: distinct for every index below 900 million.
    static func nationalNumber(_ index: Int) -> Int { 100_000_000 + (index &* 7_919) % 900_000_000 }

    func run() throws {
        if let load = LoadAverage.line() { print(load) }
        let store = try CTIStore.open(StorageConfiguration(path: path, defaultCountry: "VN", fullSync: false))
        let customers = customers
        let existing = try runBlocking { try await store.customers.count() }
        if existing != customers {
            guard existing == 0 else {
                throw ValidationError("\(path) holds \(existing) customers, not \(customers): delete it first")
            }
            let fill = try Stopwatch.wall.seconds {
                let batch = 20_000
                var start = 0
                while start < customers {
                    let end = min(start + batch, customers)
                    let drafts = (start..<end).map { index in
                        var numbers = ["+84\(Self.nationalNumber(index))"]
                        if index.isMultiple(of: 3) { numbers.append("+84\(Self.nationalNumber(index + 900_000_000 / 2))") }
                        return CustomerDraft(
                            name: "Customer \(index)", phoneNumbers: numbers, emails: ["c\(index)@example.vn"],
                            company: index.isMultiple(of: 5) ? "Company \(index / 5)" : nil, tags: index.isMultiple(of: 7) ? ["vip"] : [],
                            isVIP: index.isMultiple(of: 7)
                        )
                    }
                    _ = try runBlocking { try await store.customers.importCustomers(drafts) }
                    start = end
                }
            }
            print("Filled \(NumberFormat.grouped(customers)) customers in \(NumberFormat.fixed(fill, 1)) s")
        } else {
            print("Reusing \(path) with \(NumberFormat.grouped(customers)) customers")
        }
        let size = ["", "-wal"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
        }
        print("Database file + WAL: \(NumberFormat.fixed(Double(size) / 1_048_576, 0)) MiB; \(async ? "async lookup" : "lookupNow (sync)")")

        var random = SeededGenerator(seed: seed)
        // Warm the page cache the way a running server would be.
        for _ in 0..<2_000 {
            _ = try store.customers.lookupNow(phoneNumber: "0\(Self.nationalNumber(Int.random(in: 0..<customers, using: &random)))")
        }
        var hits = LatencySamples(capacity: lookups)
        var found = 0
        let hitNumbers = (0..<lookups).map { _ in "0\(Self.nationalNumber(Int.random(in: 0..<customers, using: &random)))" }
        // Ten-digit national numbers (landlines): no customer has one, so every lookup misses.
        let missNumbers = (0..<max(1, lookups / 10)).map { _ in "02\(Int.random(in: 100_000_000..<999_999_999, using: &random))" }
        var misses = LatencySamples(capacity: missNumbers.count)
        if async {
            let timed = try runBlocking { [hitNumbers, missNumbers] in
                var hitSamples = LatencySamples(capacity: hitNumbers.count)
                var missSamples = LatencySamples(capacity: missNumbers.count)
                var found = 0
                for number in hitNumbers {
                    let start = LatencySamples.now()
                    found += try await store.customers.lookup(phoneNumber: number).count
                    hitSamples.append(LatencySamples.now() - start)
                }
                for number in missNumbers {
                    let start = LatencySamples.now()
                    _ = try await store.customers.lookup(phoneNumber: number)
                    missSamples.append(LatencySamples.now() - start)
                }
                return SendableSamples(hits: hitSamples, misses: missSamples, found: found)
            }
            hits = timed.hits
            misses = timed.misses
            found = timed.found
        } else {
            for number in hitNumbers {
                let start = LatencySamples.now()
                found += try store.customers.lookupNow(phoneNumber: number).count
                hits.append(LatencySamples.now() - start)
            }
            for number in missNumbers {
                let start = LatencySamples.now()
                _ = try store.customers.lookupNow(phoneNumber: number)
                misses.append(LatencySamples.now() - start)
            }
        }
        guard found >= lookups else { throw ValidationError("only \(found) of \(lookups) known numbers were found") }
        print(LatencyTable(rows: [("hit (customer found)", hits), ("miss (unknown number)", misses)]).render())
        let p99 = hits.summary([0.99]).percentiles[0]
        print("Target p99 < 1000 µs: \(p99 < 1000 ? "met" : "NOT met") (p99 \(NumberFormat.fixed(p99, 1)) µs)")
        try store.close()
    }
}

private struct SendableSamples: Sendable {
    var hits: LatencySamples
    var misses: LatencySamples
    var found: Int
}
