/// Tickets an agent created for a call whose interaction is not stored yet (the recorder writes
/// it when the call ends): ``InteractionRecorder`` links them as soon as it has written the call.
public actor PendingTicketLinks {
    struct Link: Sendable {
        var ticketID: Int64
        var agent: String
    }

    private var links: [String: [Link]] = [:]

    public init() {}

    func add(callID: String, ticketID: Int64, by agent: String) {
        links[callID, default: []].append(Link(ticketID: ticketID, agent: agent))
    }

    /// The links waiting for `callID`, handed to exactly one caller.
    func take(callID: String) -> [Link] {
        links.removeValue(forKey: callID) ?? []
    }
}
