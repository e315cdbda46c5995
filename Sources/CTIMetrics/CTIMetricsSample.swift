/// A reading of gauges and totals that CTIBridge's parts report when `/metrics` is scraped.
public struct CTIMetricsSample: Sendable, Hashable {
    /// One queue right now.
    public struct Queue: Sendable, Hashable {
        public var name: String
        public var waiting: Int
        public var longestWaitSeconds: Double

        public init(name: String, waiting: Int, longestWaitSeconds: Double) {
            self.name = name
            self.waiting = waiting
            self.longestWaitSeconds = longestWaitSeconds
        }
    }

    /// One connection to Asterisk (or another peer) and how often it was re-established.
    public struct Connection: Sendable, Hashable {
        /// `ami`, `ari_events`, …
        public var name: String
        public var up: Bool
        /// Reconnects since start (a running total).
        public var reconnects: Int

        public init(name: String, up: Bool, reconnects: Int) {
            self.name = name
            self.up = up
            self.reconnects = reconnects
        }
    }

    public var queues: [Queue]
    /// Agents per state (`ready`, `onCall`, `paused`, …).
    public var agentsByState: [String: Int]
    public var connections: [Connection]
    /// Agent desktop sockets open now.
    public var agentSockets: Int?

    public init(queues: [Queue] = [], agentsByState: [String: Int] = [:], connections: [Connection] = [], agentSockets: Int? = nil) {
        self.queues = queues
        self.agentsByState = agentsByState
        self.connections = connections
        self.agentSockets = agentSockets
    }
}
