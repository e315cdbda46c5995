import CTICore
import Storage

/// Agents' dispositions and tickets, written to the store.
public struct StoreRecordKeeper: AgentRecordKeeper {
    let store: CTIStore
    /// Where a ticket made during a live call waits for the call's interaction; nil links only
    /// calls already stored.
    let pendingLinks: PendingTicketLinks?

    public init(store: CTIStore, pendingLinks: PendingTicketLinks? = nil) {
        self.store = store
        self.pendingLinks = pendingLinks
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
        if let callID { customerID = try await store.interactions.find(callID: callID)?.customerID }
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

    public func linkTicket(agentID: String, callID: String, ticketID: String) async throws {
        guard let id = Int64(ticketID.hasPrefix("T-") ? String(ticketID.dropFirst(2)) : ticketID) else {
            throw RepositoryError.validation(CRMValidationError(issues: [ValidationIssue(field: "ticketID", message: "must be a ticket id")]))
        }
        try await store.interactions.linkTicket(callID: callID, ticketID: id, by: agentID)
    }
}
