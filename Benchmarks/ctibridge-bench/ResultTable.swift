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
        let all = [header] + lines
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { cells in
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    private func grouped(_ value: Int) -> String {
        var digits = Array(String(value))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }

    private func fixed(_ value: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        return places == 0 ? String(whole) : "\(whole).\(String(repeating: "0", count: places - fraction.count))\(fraction)"
    }
}
