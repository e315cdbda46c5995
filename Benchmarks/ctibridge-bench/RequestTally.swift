import AsteriskSimulator
import Synchronization

/// ARI requests the simulator answered during a load run, counted by route (`POST channels/{id}/answer`).
final class RequestTally: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    func add(_ entries: [ARISimRequestLog.Entry]) {
        counts.withLock { counts in
            for entry in entries { counts[Self.route(entry), default: 0] += 1 }
        }
    }

    /// `POST channels/{id}/answer`: path segments that name something (a digit or a dash in them) become `{id}`.
    static func route(_ entry: ARISimRequestLog.Entry) -> String {
        let segments = entry.path.split(separator: "/").map { segment in
            segment.contains(where: { $0.isNumber || $0 == "-" || $0 == "." }) ? "{id}" : String(segment)
        }
        return "\(entry.method) \(segments.joined(separator: "/"))"
    }

    /// One line: the total per call, then each route per call, most frequent first.
    func summary(calls: Int) -> String {
        let counts = counts.withLock { $0 }
        let total = counts.values.reduce(0, +)
        let perCall = { (count: Int) in NumberFormat.fixed(Double(count) / Double(max(1, calls)), 2) }
        let routes = counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map { "\($0.key) \(perCall($0.value))" }
        return "ARI requests: \(total) = \(perCall(total)) per call (\(routes.joined(separator: "; ")))"
    }
}
