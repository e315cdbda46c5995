/// What the observer-mode statistics need to know that app_queue's events do not say: the
/// interval length, and per queue the service-level and short-abandon thresholds and the queue's
/// `wrapuptime` (queues.conf; a member's own `Wrapuptime` overrides it, as in app_queue).
public struct AppQueueStatisticsConfiguration: Sendable, Hashable {
    /// Length of statistics intervals (aligned with the clock: instants are seconds since 1970).
    public var interval: StatisticsInterval
    /// Queues by name; a queue not listed gets ``QueueConfiguration``'s defaults (service level
    /// 20 s, short abandon 5 s, no wrap-up). Listed queues are known before any of their events.
    public var queues: [String: QueueConfiguration]

    /// A configuration; `queues` are usually the site file's.
    public init(interval: StatisticsInterval = .thirtyMinutes, queues: [QueueConfiguration] = []) {
        self.interval = interval
        self.queues = Dictionary(queues.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The settings of the queue named `name`.
    func queue(_ name: String) -> QueueConfiguration {
        queues[name] ?? QueueConfiguration(id: QueueID(name))
    }
}
