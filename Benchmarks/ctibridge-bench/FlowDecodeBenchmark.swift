import ArgumentParser
import CTICore
import FlowYAML
import Foundation

/// `ctibridge-bench flow-decode`: reading a flow document, JSON against YAML, and refusing hostile YAML.
struct FlowDecodeBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow-decode",
        abstract: "Decode the main-menu sample and a large generated flow as JSON and as YAML; time refusing hostile YAML.",
        discussion: """
            Each row decodes the same flow (IVRFlow.decode(json:) / decode(yaml:), no validation) --runs times; \
            latency per document by the monotonic clock. The large flow is the sample's nodes repeated with \
            fresh ids. The hostile rows are 1 MiB documents the API would accept in size: an alias bomb, \
            a 1 MiB line, deep nesting.
            """)

    @Option(help: "Decodes per row.")
    var runs = 2_000

    @Option(help: "Copies of the sample's nodes in the large flow.")
    var copies = 50

    func validate() throws {
        guard runs > 0, copies > 0 else { throw ValidationError("--runs and --copies must be positive") }
    }

    func run() throws {
        if let load = LoadAverage.line() { print(load) }
        let sampleJSON = try Data(contentsOf: URL(fileURLWithPath: BenchmarkPaths.mainMenuFlow))
        let sampleYAML = try Data(contentsOf: URL(fileURLWithPath: BenchmarkPaths.mainMenuFlow.replacingOccurrences(of: ".json", with: ".yaml")))
        let sample = try IVRFlow.decode(json: sampleJSON)
        var large = sample
        large.nodes = (0..<copies).flatMap { copy in sample.nodes.map { node in
            var renamed = node
            renamed.id = "\(node.id)-\(copy)"
            return renamed
        } }
        let largeJSON = try large.jsonData()
        let largeYAML = try large.yamlData()
        guard try IVRFlow.decode(yaml: largeYAML) == IVRFlow.decode(json: largeJSON) else { throw ValidationError("the large flow differs by format") }

        var rows: [(name: String, samples: LatencySamples)] = []
        var sizes: [String] = []
        func measure(_ name: String, _ data: Data, runs: Int, _ decode: (Data) -> Void) {
            var samples = LatencySamples(capacity: runs)
            for _ in 0..<runs {
                let start = LatencySamples.now()
                decode(data)
                samples.append(LatencySamples.now() - start)
            }
            rows.append((name, samples))
            let summary = samples.summary([0.5])
            sizes.append("\(name): \(NumberFormat.grouped(data.count)) bytes, \(NumberFormat.fixed(Double(data.count) / summary.percentiles[0], 1)) MB/s at p50")
        }
        measure("sample JSON", sampleJSON, runs: runs) { _ = try? IVRFlow.decode(json: $0) }
        measure("sample YAML", sampleYAML, runs: runs) { _ = try? IVRFlow.decode(yaml: $0) }
        let largeRuns = max(1, runs / copies)
        measure("large JSON", largeJSON, runs: largeRuns) { _ = try? IVRFlow.decode(json: $0) }
        measure("large YAML", largeYAML, runs: largeRuns) { _ = try? IVRFlow.decode(yaml: $0) }

        let hostileRuns = max(1, runs / 100)
        measure("alias bomb (refused)", Self.aliasBomb(), runs: hostileRuns) { _ = try? IVRFlow.decode(yaml: $0) }
        measure("1 MiB line (refused)", Data(("name: [" + String(repeating: "a, ", count: 349_000) + "a\n").utf8), runs: hostileRuns) {
            _ = try? IVRFlow.decode(yaml: $0)
        }
        measure("deep nesting (refused)", Data(("id: " + String(repeating: "[", count: 500_000) + String(repeating: "]", count: 500_000)).utf8), runs: hostileRuns) {
            _ = try? IVRFlow.decode(yaml: $0)
        }
        print("")
        print(LatencyTable(rows: rows).render().replacingOccurrences(of: "calls   ", with: "document"))
        print("")
        for line in sizes { print(line) }
    }

    /// 30 levels of ten aliases each, padded to 1 MiB.
    static func aliasBomb() -> Data {
        var text = "id: bomb\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...30 {
            text += "l\(level): &l\(level) [\(Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", "))]\n"
        }
        text += "padding: '" + String(repeating: "x", count: 1_048_576 - text.utf8.count - 20) + "'\n"
        return Data(text.utf8)
    }
}
