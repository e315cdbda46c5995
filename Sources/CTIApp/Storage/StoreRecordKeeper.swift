import CTICore
import Storage
import Telephony

/// Agents' dispositions and tickets, written to the store: each agent's go to their own
/// interaction of a call (a call that reached two agents has one per connection).
public struct StoreRecordKeeper: AgentRecordKeeper {
    let store: CTIStore
    /// Where a ticket made for a call the agent has no interaction of yet waits for theirs (by
    /// call and agent); nil links only calls already stored.
    let pendingLinks: PendingTicketLinks?
    /// The calls not stored yet (the ``InteractionRecorder``): the customer of a ticket made
    /// during one, and the connection it is linked to once written; nil takes the customer only
    /// from stored calls.
    let liveCalls: (any LiveCallLookup)?

    public init(store: CTIStore, pendingLinks: PendingTicketLinks? = nil, liveCalls: (any LiveCallLookup)? = nil) {
        self.store = store
        self.pendingLinks = pendingLinks
        self.liveCalls = liveCalls
    }

    /// On the agent's own connection to the call: kept for the live one (the recorder writes it
    /// with its interaction), else on their newest stored interaction of it. A call that reached
    /// two agents has one per agent, and neither touches the other's (`forbidden`; `notFound`
    /// when not stored).
    public func setDisposition(callID: String, agentID: String, disposition: String, note: String?) async throws {
        _ = try SQLiteInteractionRepository.dispositionText(disposition, note: note)
        if let liveCalls, await liveCalls.disposeWhenStored(callID: callID, agent: agentID, disposition: disposition, note: note) { return }
        try await store.interactions.setDisposition(callID: callID, agent: agentID, disposition: disposition, note: note)
    }

    /// With a call, the ticket gets the call's customer and is linked to the agent's own
    /// connection to it: the live one once its interaction is written, else their newest stored
    /// interaction of the call; never another agent's.
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
        if let callID { try await link(ticket.id, toCall: callID, agentID: agentID, waiting: true) }
        return String(ticket.id)
    }

    /// Links `ticketID` to the agent's connection to the call: kept for the live one
    /// (``LiveCallLookup/linkWhenStored(ticketID:callID:agent:)``), else to their newest stored
    /// interaction of it. With neither, `waiting` keeps it in `pendingLinks` (if any) for the
    /// agent's interaction (the recorder may not have seen the connection the screen-pop showed
    /// yet); otherwise it is refused as the store refuses it (`forbidden`, `notFound`).
    private func link(_ ticketID: Int64, toCall callID: String, agentID: String, waiting: Bool) async throws {
        if let liveCalls, await liveCalls.linkWhenStored(ticketID: ticketID, callID: callID, agent: agentID) { return }
        if let own = try await store.interactions.find(callID: callID, agent: agentID) {
            try await store.interactions.linkTicket(interactionID: own.id, ticketID: ticketID, by: agentID)
            return
        }
        guard waiting else {
            try await store.interactions.linkTicket(callID: callID, agent: agentID, ticketID: ticketID, by: agentID)
            return
        }
        guard let pendingLinks else { return }
        pendingLinks.add(callID: callID, agent: agentID, ticketID: ticketID)
        // Written meanwhile, before the recorder looked for waiting tickets: link here.
        if let own = try await store.interactions.find(callID: callID, agent: agentID) {
            for link in pendingLinks.take(callID: callID, agent: agentID) {
                try await store.interactions.linkTicket(interactionID: own.id, ticketID: link.ticketID, by: link.agent)
            }
        }
    }

    /// The customer of the agent's live connection to the call, as its screen-pop found it: the
    /// customer the IVR identified, else the newest with the caller's number; else that of the
    /// agent's stored interaction of the call. Nil for an unknown caller, and for a call the agent
    /// was neither offered nor connected.
    private func customer(ofCall callID: String, agentID: String) async throws -> Int64? {
        if let live = await liveCalls?.liveCall(callID), live.agent?.rawValue == agentID {
            let context = try await store.callerContext.context(
                customerID: live.info.customerID.flatMap { Int64($0) }, phoneNumber: live.info.callerNumber, limit: 0)
            return context?.customer.id
        }
        return try await store.interactions.find(callID: callID, agent: agentID)?.customerID
    }

    /// Links an existing ticket to the agent's own connection to the call (kept for it while it
    /// is live); `forbidden` for a call only other agents handled, `notFound` for an unknown call
    /// or ticket. A ticket the sharing rules hide from the agent (as on the REST API) is refused
    /// exactly like one that does not exist.
    public func linkTicket(agentID: String, callID: String, ticketID: String) async throws {
        guard let id = Int64(ticketID.hasPrefix("T-") ? String(ticketID.dropFirst(2)) : ticketID) else {
            throw RepositoryError.validation(CRMValidationError(issues: [ValidationIssue(field: "ticketID", message: "must be a ticket id")]))
        }
        let ticket = try await store.tickets.get(id: id)
        guard store.configuration.access.canSee(ticket, by: try await principal(ofAgent: agentID)) else {
            throw RepositoryError.notFound(entity: "ticket", id: "\(id)")
        }
        try await link(id, toCall: callID, agentID: agentID, waiting: false)
    }

    /// The agent as the sharing rules know them: their active user (an agent's id is their
    /// username), with its role and groups; without one, an agent of no group, who sees only the
    /// tickets they made or are assigned.
    private func principal(ofAgent agentID: String) async throws -> Principal {
        do {
            let user = try await store.users.get(username: agentID)
            if user.isActive { return user.principal }
        } catch RepositoryError.notFound {}
        return Principal(userID: 0, username: agentID, role: .agent, groups: [])
    }
}
