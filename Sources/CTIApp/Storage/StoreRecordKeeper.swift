import CTICore
import Storage
import Telephony

/// Agents' dispositions and tickets, written to the store.
public struct StoreRecordKeeper: AgentRecordKeeper {
    let store: CTIStore
    /// Where a ticket made during a live call waits for the call's interaction; nil links only
    /// calls already stored.
    let pendingLinks: PendingTicketLinks?
    /// The calls not stored yet (the ``InteractionRecorder``), for the customer of a ticket made
    /// during one; nil takes the customer only from stored calls.
    let liveCalls: (any LiveCallLookup)?

    public init(store: CTIStore, pendingLinks: PendingTicketLinks? = nil, liveCalls: (any LiveCallLookup)? = nil) {
        self.store = store
        self.pendingLinks = pendingLinks
        self.liveCalls = liveCalls
    }

    public func setDisposition(callID: String, agentID: String, disposition: String, note: String?) async throws {
        try await store.interactions.setDisposition(callID: callID, agent: agentID, disposition: disposition, note: note)
    }

    public func createTicket(agentID: String, callID: String?, subject: String, description: String, priority: String) async throws -> String {
        guard let level = TicketPriority(rawValue: priority.lowercased()) else {
            throw RepositoryError.validation(CRMValidationError(issues: [
                ValidationIssue(field: "priority", message: "must be one of low, normal, high, urgent")
            ]))
        }
        var customerID: Int64?
        if let callID { customerID = try await customer(ofCall: callID, agentID: agentID) }
        let ticket = try await store.tickets.create(
            TicketDraft(subject: subject, description: description, priority: level, customerID: customerID), by: agentID)
        if let callID {
            if try await store.interactions.find(callID: callID) != nil {
                try await store.interactions.linkTicket(callID: callID, ticketID: ticket.id, by: agentID)
            } else if let pendingLinks {
                // The call is live (or its interaction is being written): the recorder links it once
                // written; if it was written meanwhile, before the recorder looked, link here.
                await pendingLinks.add(callID: callID, ticketID: ticket.id, by: agentID)
                if try await store.interactions.find(callID: callID) != nil {
                    for link in await pendingLinks.take(callID: callID) {
                        try await store.interactions.linkTicket(callID: callID, ticketID: link.ticketID, by: link.agent)
                    }
                }
            }
        }
        return String(ticket.id)
    }

    /// The customer of the stored call; for a live call, the one its screen-pop found: the customer
    /// the IVR identified, else the newest with the caller's number. A live call is only read for
    /// the agent it was offered or connected to; nil for an unknown caller.
    private func customer(ofCall callID: String, agentID: String) async throws -> Int64? {
        if let stored = try await store.interactions.find(callID: callID) { return stored.customerID }
        guard let live = await liveCalls?.liveCall(callID), live.agent?.rawValue == agentID else { return nil }
        let context = try await store.callerContext.context(
            customerID: live.info.customerID.flatMap { Int64($0) }, phoneNumber: live.info.callerNumber, limit: 0)
        return context?.customer.id
    }

    public func linkTicket(agentID: String, callID: String, ticketID: String) async throws {
        guard let id = Int64(ticketID.hasPrefix("T-") ? String(ticketID.dropFirst(2)) : ticketID) else {
            throw RepositoryError.validation(CRMValidationError(issues: [ValidationIssue(field: "ticketID", message: "must be a ticket id")]))
        }
        try await store.interactions.linkTicket(callID: callID, ticketID: id, by: agentID)
    }
}
