/// The side-by-side table the benchmarks print.
struct ResultTable {
    /// One parser's best run.
    struct Row {
        var parser: String
        var events: Int
        var bytes: Int
        var seconds: Double
        var eventsPerSecond: Double { Double(events) / seconds }
        var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
    }

    var rows: [Row]
    /// The row the ratio column divides by (panoramisk), when there is one.
    var baseline: Row?

    func render() -> String {
        let header = ["parser", "events", "seconds", "events/s", "MB/s", "ratio"]
        let lines = rows.map { row in
            [
                row.parser, grouped(row.events), fixed(row.seconds, 3), grouped(Int(row.eventsPerSecond.rounded())),
                fixed(row.megabytesPerSecond, 1),
                baseline.map { fixed(row.eventsPerSecond / $0.eventsPerSecond, 1) + "x" } ?? "n/a",
            ]
        }
        return NumberFormat.table([header] + lines)
    }

    private func grouped(_ value: Int) -> String { NumberFormat.grouped(value) }

    private func fixed(_ value: Double, _ places: Int) -> String { NumberFormat.fixed(value, places) }
}
