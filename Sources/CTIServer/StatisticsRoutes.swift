import CTICore
import Foundation
import Hummingbird
import HummingbirdWebSocket

/// Where `/api/statistics/…` reads the ACD's interval statistics.
public protocol CTIStatisticsSource: Sendable {
    /// The queue's figures per interval, oldest first; nil for a queue the ACD does not know.
    func queueIntervals(_ queue: String) async -> CTIIntervals<QueueStatistics>?
    /// The agent's figures per interval (the current state counted up to the last event); nil for
    /// an agent the ACD does not know.
    func agentIntervals(_ agent: String) async -> CTIIntervals<AgentStatistics>?
}

/// One queue's or agent's figures per statistics interval.
public struct CTIIntervals<Figures: Sendable>: Sendable {
    /// The length of every interval, in seconds (15, 30 or 60 minutes).
    public var intervalSeconds: Double
    /// Each interval's start (aligned with the clock) and figures, oldest first.
    public var intervals: [(start: Date, statistics: Figures)]

    public init(intervalSeconds: Double, intervals: [(start: Date, statistics: Figures)]) {
        self.intervalSeconds = intervalSeconds
        self.intervals = intervals
    }
}

/// Interval statistics, each interval and their total; `from`/`to` (ISO 8601) keep the intervals
/// starting in [from, to):
/// - `GET /api/statistics/queues/{queue}` for supervisors and admins: offered, answered, abandoned
///   (short abandons apart), ASA, AHT, service level, transfer rate;
/// - `GET /api/statistics/agents/{agent}` for supervisors, admins and that agent: calls handled,
///   talk, hold and wrap-up time, missed offers, time per state and pause reason, occupancy.
struct StatisticsRoutes: Sendable {
    let source: (any CTIStatisticsSource)?
    let principal: @Sendable (Request) async throws -> CTIPrincipal

    struct Reply<Row: Encodable & Sendable>: Encodable, Sendable {
        var subject: String
        var intervalSeconds: Double
        var intervals: [Row]
        /// Over the intervals listed; null when there are none.
        var total: Row?
    }

    func register(on router: Router<BasicWebSocketRequestContext>) {
        router.get("/api/statistics/queues/:queue") { request, context in
            let role = try await principal(request).role
            guard role == .supervisor || role == .admin else { throw HTTPError(.forbidden, message: "queue statistics are for supervisors and admins") }
            let queue = try context.parameters.require("queue")
            let range = try Self.range(request)
            guard let source else { throw HTTPError(.notFound, message: "no ACD statistics in this mode") }
            guard let figures = await source.queueIntervals(queue) else { throw HTTPError(.notFound, message: "no queue \(queue)") }
            return JSONBody(Self.reply(queue, figures, range, merge: { $0.add($1) }, row: QueueStatisticsRow.init))
        }
        router.get("/api/statistics/agents/:agent") { request, context in
            let caller = try await principal(request)
            let agent = try context.parameters.require("agent")
            guard caller.role == .supervisor || caller.role == .admin || (caller.role == .agent && caller.agentID == agent) else {
                throw HTTPError(.forbidden, message: "agents see only their own statistics")
            }
            let range = try Self.range(request)
            guard let source else { throw HTTPError(.notFound, message: "no ACD statistics in this mode") }
            guard let figures = await source.agentIntervals(agent) else { throw HTTPError(.notFound, message: "no agent \(agent)") }
            return JSONBody(Self.reply(agent, figures, range, merge: { $0.add($1) }, row: AgentStatisticsRow.init))
        }
    }

    /// The `from`/`to` query parameters; 400 listing every bad one.
    static func range(_ request: Request) throws -> (from: Date?, to: Date?) {
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
        return (from, to)
    }

    /// The intervals starting in the range, each as a row, and their total.
    static func reply<Figures: Sendable, Row: Encodable & Sendable>(
        _ subject: String, _ figures: CTIIntervals<Figures>, _ range: (from: Date?, to: Date?), merge: (inout Figures, Figures) -> Void,
        row: (Date, Date, Figures) -> Row
    ) -> Reply<Row> {
        let length = figures.intervalSeconds
        let kept = figures.intervals.filter { interval in
            (range.from.map { interval.start >= $0 } ?? true) && (range.to.map { interval.start < $0 } ?? true)
        }
        var total: Row?
        if var sum = kept.first?.statistics, let first = kept.first, let last = kept.last {
            for interval in kept.dropFirst() { merge(&sum, interval.statistics) }
            total = row(first.start, last.start.addingTimeInterval(length), sum)
        }
        return Reply(
            subject: subject, intervalSeconds: length,
            intervals: kept.map { row($0.start, $0.start.addingTimeInterval(length), $0.statistics) }, total: total)
    }
}

/// One queue interval's (or the total's) figures; rates are fractions, times seconds, null when undefined.
struct QueueStatisticsRow: Encodable, Sendable {
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

/// One agent interval's (or the total's) figures; times in seconds, occupancy a fraction (null when undefined).
struct AgentStatisticsRow: Encodable, Sendable {
    var start: String
    var end: String
    var handled: Int
    var talkTime: Double
    var holdTime: Double
    var wrapUpTime: Double
    var missedOffers: Int
    var loggedInTime: Double
    var occupancy: Double?
    /// Seconds in each state, by state name (`ready`, `on-call`, `wrap-up`, …).
    var stateTime: [String: Double]
    /// Seconds paused, by reason code.
    var pauseTime: [String: Double]

    init(start: Date, end: Date, _ figures: AgentStatistics) {
        self.start = start.formatted(.iso8601)
        self.end = end.formatted(.iso8601)
        handled = figures.handled
        talkTime = figures.talkTime
        holdTime = figures.holdTime
        wrapUpTime = figures.wrapUpTime
        missedOffers = figures.missedOffers
        loggedInTime = figures.loggedInTime
        occupancy = figures.occupancy
        stateTime = Dictionary(uniqueKeysWithValues: figures.stateTime.map { ($0.key.rawValue, $0.value) })
        pauseTime = figures.pauseTime
    }
}
