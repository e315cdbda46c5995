/// Rows of latency percentiles, in microseconds.
struct LatencyTable {
    static let fractions = [0.5, 0.9, 0.99, 0.999]

    var rows: [(name: String, samples: LatencySamples)]

    func render() -> String {
        let header = ["calls", "count", "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "max µs"]
        let lines = rows.map { row in
            let summary = row.samples.summary(Self.fractions)
            return [row.name, NumberFormat.grouped(row.samples.count)] + summary.percentiles.map { NumberFormat.fixed($0, 1) }
                + [NumberFormat.fixed(summary.max, 1)]
        }
        return NumberFormat.table([header] + lines)
    }
}
