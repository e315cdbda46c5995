import Foundation

/// The machine's load average, printed before a run because other work skews the numbers.
enum LoadAverage {
    static func line() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return "Load average before the runs: \(text.split(separator: " ").prefix(3).joined(separator: " ")) (other work skews the numbers)"
    }
}
