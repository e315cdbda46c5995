import Synchronization

/// Tickets agents created during their connection to a call whose interaction is not stored yet
/// (the recorder writes it when the connection ends): ``InteractionRecorder`` links them as soon
/// as it has written that agent's interaction of the call.
///
/// Kept by call and agent: a call connected to agent A, sent back to the queue and connected to
/// agent B has one interaction per agent, and B's tickets wait for B's, not A's. A ticket whose
/// agent never gets an interaction of the call (offered but not connected, or a call id that is
/// not theirs) is dropped, unlinked, after `keepFor`.
public final class PendingTicketLinks: Sendable {
    struct Link: Sendable, Hashable {
        var ticketID: Int64
        var agent: String
    }

    private struct Key: Hashable {
        var callID: String
        var agent: String
    }

    private struct Waiting {
        var links: [Link] = []
        var since: ContinuousClock.Instant
    }

    private let waiting = Mutex<[Key: Waiting]>([:])
    private let keepFor: Duration
    private let now: @Sendable () -> ContinuousClock.Instant

    /// `keepFor`: how long a ticket waits for its agent's interaction of the call (longer than
    /// any call); `now`: the clock that measures it.
    public init(keepFor: Duration = .seconds(24 * 3_600), now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.keepFor = keepFor
        self.now = now
    }

    /// Keeps `ticketID`, made by `agent` for their connection to `callID`; drops what waited
    /// longer than `keepFor`.
    func add(callID: String, agent: String, ticketID: Int64) {
        let now = now()
        waiting.withLock { waiting in
            waiting = waiting.filter { now - $0.value.since < keepFor }
            waiting[Key(callID: callID, agent: agent), default: Waiting(since: now)].links.append(Link(ticketID: ticketID, agent: agent))
        }
    }

    /// The links `agent` made for `callID`, handed to exactly one caller.
    func take(callID: String, agent: String) -> [Link] {
        waiting.withLock { $0.removeValue(forKey: Key(callID: callID, agent: agent))?.links ?? [] }
    }

    /// Every agent's links for `callID` (the call ended with no agent, e.g. abandoned), handed
    /// to exactly one caller, oldest ticket first.
    func takeAll(callID: String) -> [Link] {
        waiting.withLock { waiting in
            let keys = waiting.keys.filter { $0.callID == callID }
            return keys.flatMap { waiting.removeValue(forKey: $0)?.links ?? [] }.sorted { $0.ticketID < $1.ticketID }
        }
    }
}
