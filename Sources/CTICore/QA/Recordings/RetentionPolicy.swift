import Foundation

/// How long recordings are kept, per queue (days); queues without a rule keep theirs.
public struct RetentionPolicy: Sendable, Hashable, Codable {
    /// Days for queues not listed; nil keeps them forever.
    public var defaultDays: Int?
    /// Queue id → days.
    public var queues: [String: Int]

    public init(defaultDays: Int? = nil, queues: [String: Int] = [:]) {
        self.defaultDays = defaultDays
        self.queues = queues
    }

    /// The days a recording of `queue` is kept; nil for ever.
    public func days(for queue: String?) -> Int? {
        queue.flatMap { queues[$0] } ?? defaultDays
    }

    /// The recordings (not yet deleted) whose retention has run out at `now`, oldest first.
    public func expired(_ recordings: [RecordingEntry], now: Date) -> [RecordingEntry] {
        recordings.filter { entry in
            guard entry.deletedAt == nil, let days = days(for: entry.queue) else { return false }
            return now.timeIntervalSince(entry.startedAt) >= Double(days) * 86_400
        }
        .sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
    }

    /// Every problem with the policy (days must be 1 or more).
    public var problems: [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if let days = defaultDays, days < 1 { issues.append(ValidationIssue(field: "defaultDays", message: "must be 1 or more, got \(days)")) }
        for (queue, days) in queues.sorted(by: { $0.key < $1.key }) where days < 1 {
            issues.append(ValidationIssue(field: "queues.\(queue)", message: "must be 1 or more, got \(days)"))
        }
        return issues
    }
}
