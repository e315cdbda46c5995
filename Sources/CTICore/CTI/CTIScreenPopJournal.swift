import DequeModule

/// Per-agent sequence numbers and a bounded history of what each agent was sent, so a desktop
/// that reconnects with its last sequence number gets what it missed.
///
/// Pure value type: the hub owns one and serialises access.
public struct CTIScreenPopJournal: Sendable {
    /// One journaled message.
    public struct Entry: Sendable, Hashable {
        public var seq: UInt64
        public var message: CTIScreenPopMessage
    }

    /// What a replay returns: the entries after `lastSeq`, and whether older ones were already dropped.
    public struct Replay: Sendable, Hashable {
        public var entries: [Entry]
        /// True when the client missed messages that fell out of the bound.
        public var truncated: Bool
    }

    struct AgentLog: Sendable {
        var lastSeq: UInt64 = 0
        var acknowledged: UInt64 = 0
        var entries = Deque<Entry>()
    }

    /// Messages kept per agent.
    public let capacity: Int
    private var logs: [String: AgentLog] = [:]

    public init(capacity: Int = 256) {
        precondition(capacity > 0, "journal capacity must be positive")
        self.capacity = capacity
    }

    /// Records `message` for `agentID` and returns its sequence number (1, 2, …).
    public mutating func append(_ message: CTIScreenPopMessage, for agentID: String) -> Entry {
        // In place: a copy of the log taken out of the dictionary would share the deque's
        // buffer, and the append would copy every kept entry.
        Self.append(message, to: &logs[agentID, default: AgentLog()], capacity: capacity)
    }

    private static func append(_ message: CTIScreenPopMessage, to log: inout AgentLog, capacity: Int) -> Entry {
        log.lastSeq += 1
        let entry = Entry(seq: log.lastSeq, message: message)
        log.entries.append(entry)
        if log.entries.count > capacity { log.entries.removeFirst(log.entries.count - capacity) }
        return entry
    }

    /// The highest sequence number issued to `agentID` (0 when none).
    public func lastSeq(for agentID: String) -> UInt64 { logs[agentID]?.lastSeq ?? 0 }

    /// The highest sequence number `agentID` acknowledged.
    public func acknowledged(for agentID: String) -> UInt64 { logs[agentID]?.acknowledged ?? 0 }

    /// Entries after `lastSeq`. A `lastSeq` ahead of the journal (a server restart) replays nothing.
    public func replay(for agentID: String, after lastSeq: UInt64) -> Replay {
        guard let log = logs[agentID], lastSeq < log.lastSeq else { return Replay(entries: [], truncated: false) }
        let entries = Array(log.entries.filter { $0.seq > lastSeq })
        let oldest = log.entries.first?.seq ?? log.lastSeq + 1
        return Replay(entries: entries, truncated: oldest > lastSeq + 1)
    }

    /// Records that `agentID`'s desktop has shown everything up to `seq`.
    /// Throws `invalidSequence` for a number never issued; an older number than already acknowledged is ignored.
    public mutating func acknowledge(_ seq: UInt64, for agentID: String) throws(CTIProtocolError) {
        guard let log = logs[agentID], seq <= log.lastSeq else {
            throw CTIProtocolError(.invalidSequence, "sequence \(seq) was never sent")
        }
        logs[agentID]?.acknowledged = max(log.acknowledged, seq)
    }

    /// Entries sent but not yet acknowledged.
    public func unacknowledged(for agentID: String) -> [Entry] {
        guard let log = logs[agentID] else { return [] }
        return Array(log.entries.filter { $0.seq > log.acknowledged })
    }
}
