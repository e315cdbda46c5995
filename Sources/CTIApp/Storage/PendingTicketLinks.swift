import Synchronization

/// Tickets agents created during their connection to a call whose interaction is not stored yet
/// (the recorder writes it when the connection ends): ``InteractionRecorder`` links them as soon
/// as it has written that agent's interaction of the call.
///
/// Kept by call and agent: a call connected to agent A, sent back to the queue and connected to
/// agent B has one interaction per agent, and B's tickets wait for B's, not A's.
public final class PendingTicketLinks: Sendable {
    struct Link: Sendable, Hashable {
        var ticketID: Int64
        var agent: String
    }

    private struct Key: Hashable {
        var callID: String
        var agent: String
    }

    private let links = Mutex<[Key: [Link]]>([:])

    public init() {}

    /// Keeps `ticketID`, made by `agent` for their connection to `callID`.
    func add(callID: String, agent: String, ticketID: Int64) {
        links.withLock { $0[Key(callID: callID, agent: agent), default: []].append(Link(ticketID: ticketID, agent: agent)) }
    }

    /// The links `agent` made for `callID`, handed to exactly one caller.
    func take(callID: String, agent: String) -> [Link] {
        links.withLock { $0.removeValue(forKey: Key(callID: callID, agent: agent)) ?? [] }
    }

    /// Every agent's links for `callID` (the call ended with no agent, e.g. abandoned), handed
    /// to exactly one caller, oldest ticket first.
    func takeAll(callID: String) -> [Link] {
        links.withLock { links in
            let keys = links.keys.filter { $0.callID == callID }
            return keys.flatMap { links.removeValue(forKey: $0) ?? [] }.sorted { $0.ticketID < $1.ticketID }
        }
    }
}
