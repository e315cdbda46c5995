import Prometheus
import Synchronization

/// CTIBridge's Prometheus metrics: counters pushed as things happen (calls, pops, event lag)
/// and gauges pulled from registered sources at each scrape (queues, agents, connections).
public final class CTIMetrics: Sendable {
    /// How a call left its queue.
    public enum CallOutcome: String, Sendable, CaseIterable {
        case answered, abandoned, overflowed, callback, transferred
    }

    /// The registry behind the exposition (for adding metrics of one's own).
    public let registry: PrometheusCollectorRegistry
    private let state = Mutex(State())
    private let lagBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private struct State {
        var sources: [@Sendable () -> CTIMetricsSample] = []
        var reconnectTotals: [String: Int] = [:]
        var queueNames: Set<String> = []
    }

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    // MARK: Pushed

    /// A call left `queue` with `outcome`.
    public func callFinished(queue: String, outcome: CallOutcome) {
        registry.makeCounter(descriptor: Self.calls, labels: [("queue", queue), ("outcome", outcome.rawValue)]).increment()
    }

    /// A screen-pop frame of `type` reached an agent's socket.
    public func popSent(type: String) {
        registry.makeCounter(descriptor: Self.pops, labels: [("type", type)]).increment()
    }

    /// Time from Asterisk's event to CTIBridge acting on it, by source (`ami`, `ari`).
    public func eventLag(seconds: Double, source: String) {
        registry.makeValueHistogram(descriptor: Self.lag, labels: [("source", source)], buckets: lagBuckets).record(max(0, seconds))
    }

    // MARK: Pulled

    /// Adds a source read at every scrape.
    public func addSource(_ source: @escaping @Sendable () -> CTIMetricsSample) {
        state.withLock { $0.sources.append(source) }
    }

    /// The Prometheus text exposition (format 0.0.4) after reading every source.
    public func exposition() -> String {
        let sources = state.withLock { $0.sources }
        let samples = sources.map { $0() }
        apply(samples)
        return registry.emitToString()
    }

    private func apply(_ samples: [CTIMetricsSample]) {
        var queues: [String: CTIMetricsSample.Queue] = [:]
        var agents: [String: Int] = [:]
        var sockets: Int?
        var connections: [CTIMetricsSample.Connection] = []
        for sample in samples {
            for queue in sample.queues { queues[queue.name] = queue }
            agents.merge(sample.agentsByState, uniquingKeysWith: +)
            if let count = sample.agentSockets { sockets = (sockets ?? 0) + count }
            connections += sample.connections
        }
        let gone = state.withLock { state -> Set<String> in
            let gone = state.queueNames.subtracting(queues.keys)
            state.queueNames = Set(queues.keys)
            return gone
        }
        for name in gone {
            registry.unregisterGauge(registry.makeGauge(descriptor: Self.waiting, labels: [("queue", name)]))
            registry.unregisterGauge(registry.makeGauge(descriptor: Self.longestWait, labels: [("queue", name)]))
        }
        for queue in queues.values {
            registry.makeGauge(descriptor: Self.waiting, labels: [("queue", queue.name)]).set(to: Double(queue.waiting))
            registry.makeGauge(descriptor: Self.longestWait, labels: [("queue", queue.name)]).set(to: queue.longestWaitSeconds)
        }
        for (agentState, count) in agents {
            registry.makeGauge(descriptor: Self.agents, labels: [("state", agentState)]).set(to: Double(count))
        }
        if let sockets { registry.makeGauge(descriptor: Self.sockets).set(to: Double(sockets)) }
        for connection in connections {
            registry.makeGauge(descriptor: Self.up, labels: [("connection", connection.name)]).set(to: connection.up ? 1 : 0)
            let delta = state.withLock { state -> Int in
                let previous = state.reconnectTotals[connection.name] ?? 0
                state.reconnectTotals[connection.name] = max(previous, connection.reconnects)
                return max(0, connection.reconnects - previous)
            }
            let counter = registry.makeCounter(descriptor: Self.reconnects, labels: [("connection", connection.name)])
            if delta > 0 { counter.increment(by: Int64(delta)) }
        }
    }

    // MARK: Names

    static var calls: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "ctibridge", metricName: "calls", unitName: "total", helpText: "Calls that left a queue, by queue and outcome.")
    }
    static var pops: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "ctibridge", metricName: "screen_pops_sent", unitName: "total", helpText: "Screen-pop frames sent to agent sockets, by type.")
    }
    static var lag: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "ctibridge", metricName: "event_lag", unitName: "seconds", helpText: "Time from an Asterisk event to CTIBridge acting on it.")
    }
    static var waiting: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "ctibridge", metricName: "queue_waiting", unitName: "calls", helpText: "Callers waiting in the queue now.")
    }
    static var longestWait: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "ctibridge", metricName: "queue_longest_wait", unitName: "seconds", helpText: "Wait of the longest-waiting caller now.")
    }
    static var agents: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "ctibridge", metricName: "agents", unitName: "count", helpText: "Logged-in agents by state.")
    }
    static var sockets: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "ctibridge", metricName: "agent_sockets", unitName: "open", helpText: "Agent desktop WebSocket connections open now.")
    }
    static var up: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "ctibridge", metricName: "connection_up", unitName: "bool", helpText: "1 while the connection to Asterisk is up.")
    }
    static var reconnects: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "ctibridge", metricName: "reconnects", unitName: "total", helpText: "Times a connection to Asterisk was re-established.")
    }
}
