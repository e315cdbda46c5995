import CTIMetrics
import Synchronization
import Testing

@Suite("Prometheus metrics")
struct CTIMetricsTests {
    @Test("pushed counters and histograms appear in the exposition with their labels")
    func pushed() {
        let metrics = CTIMetrics()
        metrics.callFinished(queue: "support", outcome: .answered)
        metrics.callFinished(queue: "support", outcome: .answered)
        metrics.callFinished(queue: "sales", outcome: .abandoned)
        metrics.popSent(type: "offer")
        metrics.eventLag(seconds: 0.004, source: "ari")
        let text = metrics.exposition()
        #expect(text.contains("# TYPE ctibridge_calls_total counter"))
        #expect(text.contains(#"ctibridge_calls_total{queue="support",outcome="answered"} 2"#))
        #expect(text.contains(#"ctibridge_calls_total{queue="sales",outcome="abandoned"} 1"#))
        #expect(text.contains(#"ctibridge_screen_pops_sent_total{type="offer"} 1"#))
        #expect(text.contains("# TYPE ctibridge_event_lag_seconds histogram"))
        #expect(text.contains(#"ctibridge_event_lag_seconds_bucket{source="ari",le="0.005"} 1"#))
        #expect(text.contains(#"ctibridge_event_lag_seconds_bucket{source="ari",le="0.0025"} 0"#))
    }

    @Test("gauges follow the sources at each scrape; vanished queues disappear; reconnect totals become counters")
    func pulled() {
        let metrics = CTIMetrics()
        let reading = Mutex(CTIMetricsSample(
            queues: [.init(name: "support", waiting: 3, longestWaitSeconds: 42), .init(name: "old", waiting: 1, longestWaitSeconds: 5)],
            agentsByState: ["ready": 4, "onCall": 2], connections: [.init(name: "ami", up: true, reconnects: 2)], agentSockets: 6))
        metrics.addSource { reading.withLock { $0 } }
        let first = metrics.exposition()
        #expect(first.contains(#"ctibridge_queue_waiting_calls{queue="support"} 3"#))
        #expect(first.contains(#"ctibridge_queue_longest_wait_seconds{queue="support"} 42"#))
        #expect(first.contains(#"ctibridge_agents_count{state="onCall"} 2"#))
        #expect(first.contains("ctibridge_agent_sockets_open 6"))
        #expect(first.contains(#"ctibridge_connection_up_bool{connection="ami"} 1"#))
        #expect(first.contains(#"ctibridge_reconnects_total{connection="ami"} 2"#))

        reading.withLock {
            $0.queues = [.init(name: "support", waiting: 0, longestWaitSeconds: 0)]
            $0.connections = [.init(name: "ami", up: false, reconnects: 3)]
        }
        let second = metrics.exposition()
        #expect(second.contains(#"ctibridge_queue_waiting_calls{queue="support"} 0"#))
        #expect(!second.contains(#"queue="old""#))
        #expect(second.contains(#"ctibridge_connection_up_bool{connection="ami"} 0"#))
        #expect(second.contains(#"ctibridge_reconnects_total{connection="ami"} 3"#))
    }
}
