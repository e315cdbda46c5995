import CTICore
import Foundation
import Hummingbird
import HummingbirdWebSocket

/// Where `/api/statistics/queues/{queue}` reads the ACD's interval statistics.
public protocol CTIStatisticsSource: Sendable {
    /// The queue's figures per interval, oldest first; nil for a queue the ACD does not know.
    func queueIntervals(_ queue: String) async -> CTIQueueIntervals?
}

/// One queue's figures per statistics interval.
public struct CTIQueueIntervals: Sendable {
    /// The length of every interval, in seconds (15, 30 or 60 minutes).
    public var intervalSeconds: Double
    /// Each interval's start (aligned with the clock) and figures, oldest first.
    public var intervals: [(start: Date, statistics: QueueStatistics)]

    public init(intervalSeconds: Double, intervals: [(start: Date, statistics: QueueStatistics)]) {
        self.intervalSeconds = intervalSeconds
        self.intervals = intervals
    }
}

/// `GET /api/statistics/queues/{queue}?from=…&to=…`: a queue's interval statistics (offered,
/// answered, abandoned with short abandons apart, ASA, AHT, service level, transfer rate), each
/// interval and their total, for supervisors and admins. `from`/`to` (ISO 8601) keep the intervals
/// starting in [from, to).
struct StatisticsRoute: Sendable {
    let source: (any CTIStatisticsSource)?
    let principal: @Sendable (Request) async throws -> CTIPrincipal

    /// One interval's (or the total's) figures; rates are fractions, times seconds, null when undefined.
    struct Row: Encodable, Sendable {
        var start: String
        var end: String
        var offered: Int
        var answered: Int
        var abandoned: Int
        var shortAbandons: Int
        var overflowed: Int
        var callbacks: Int
        var transferred: Int
        var serviceLevel: Double?
        var abandonRate: Double?
        var averageSpeedOfAnswer: Double?
        var averageHandleTime: Double?
        var longestAnsweredWait: Double
        var transferRate: Double?

        init(start: Date, end: Date, _ figures: QueueStatistics) {
            self.start = start.formatted(.iso8601)
            self.end = end.formatted(.iso8601)
            offered = figures.offered
            answered = figures.answered
            abandoned = figures.abandoned
            shortAbandons = figures.shortAbandons
            overflowed = figures.overflowed
            callbacks = figures.callbacks
            transferred = figures.transferred
            serviceLevel = figures.serviceLevel()
            abandonRate = figures.abandonRate()
            averageSpeedOfAnswer = figures.averageSpeedOfAnswer
            averageHandleTime = figures.averageHandleTime
            longestAnsweredWait = figures.longestAnsweredWait
            transferRate = figures.transferRate
        }
    }

    struct Reply: Encodable, Sendable {
        var queue: String
        var intervalSeconds: Double
        var intervals: [Row]
        /// Over the intervals listed; null when there are none.
        var total: Row?
    }

    func register(on router: Router<BasicWebSocketRequestContext>) {
        router.get("/api/statistics/queues/:queue") { request, context in
            let role = try await principal(request).role
            guard role == .supervisor || role == .admin else { throw HTTPError(.forbidden, message: "statistics are for supervisors and admins") }
            let queue = try context.parameters.require("queue")
            let query = request.uri.queryParameters
            var problems: [String] = []
            func date(_ name: String) -> Date? {
                guard let text = query[Substring(name)].map(String.init) else { return nil }
                guard let value = try? Date(text, strategy: .iso8601) else {
                    problems.append("\(name) must be an ISO 8601 date-time such as 2026-11-27T09:00:00Z, got \(text.debugDescription)")
                    return nil
                }
                return value
            }
            let from = date("from")
            let to = date("to")
            if let from, let to, from >= to { problems.append("from must be before to") }
            guard problems.isEmpty else { throw HTTPError(.badRequest, message: problems.joined(separator: "; ")) }
            guard let source else { throw HTTPError(.notFound, message: "no ACD statistics in this mode") }
            guard let figures = await source.queueIntervals(queue) else { throw HTTPError(.notFound, message: "no queue \(queue)") }
            let length = figures.intervalSeconds
            let kept = figures.intervals.filter { interval in
                (from.map { interval.start >= $0 } ?? true) && (to.map { interval.start < $0 } ?? true)
            }
            let rows = kept.map { Row(start: $0.start, end: $0.start.addingTimeInterval(length), $0.statistics) }
            var total: Row?
            if let first = kept.first, let last = kept.last {
                var sum = QueueStatistics()
                for interval in kept { sum.add(interval.statistics) }
                total = Row(start: first.start, end: last.start.addingTimeInterval(length), sum)
            }
            return JSONBody(Reply(queue: queue, intervalSeconds: length, intervals: rows, total: total))
        }
    }
}
