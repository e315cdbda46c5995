import CTICore
import CTIServer
import Storage

extension StoreRecords {
    public func searchTickets(_ query: TicketQuery, as caller: CTIPrincipal) async throws -> Page<Ticket> {
        let principal = try await principal(caller, holding: .ticketsRead)
        return try await store.tickets.search(query, visibleTo: principal)
    }

    public func ticket(id: Int64, as caller: CTIPrincipal) async throws -> Ticket {
        try await visibleTicket(id, try await principal(caller, holding: .ticketsRead))
    }

    public func createTicket(_ draft: TicketDraft, as caller: CTIPrincipal) async throws -> Ticket {
        let principal = try await principal(caller, holding: .ticketsWrite)
        if let assignee = draft.assignee { try checkAssign(to: assignee, principal) }
        return try await store.tickets.create(draft, by: principal.username)
    }

    public func updateTicket(id: Int64, _ update: TicketUpdate, as caller: CTIPrincipal) async throws -> Ticket {
        let principal = try await principal(caller, holding: .ticketsWrite)
        _ = try await visibleTicket(id, principal)
        if let assignee = update.assignee { try checkAssign(to: assignee, principal) }
        if update.clearAssignee == true { try policy.require(principal, .ticketsAssign) }
        return try await store.tickets.update(id: id, update, by: principal.username)
    }

    public func comments(ticketID: Int64, as caller: CTIPrincipal) async throws -> [TicketComment] {
        let principal = try await principal(caller, holding: .ticketsRead)
        _ = try await visibleTicket(ticketID, principal)
        return try await store.tickets.comments(ticketID: ticketID)
    }

    public func addComment(ticketID: Int64, body: String, isInternal: Bool, as caller: CTIPrincipal) async throws -> TicketComment {
        let principal = try await principal(caller, holding: .ticketsWrite)
        _ = try await visibleTicket(ticketID, principal)
        return try await store.tickets.addComment(ticketID: ticketID, body: body, isInternal: isInternal, by: principal.username)
    }

    public func links(ticketID: Int64, as caller: CTIPrincipal) async throws -> [TicketLink] {
        let principal = try await principal(caller, holding: .ticketsRead)
        _ = try await visibleTicket(ticketID, principal)
        return try await store.tickets.links(ticketID: ticketID)
    }

    /// An agent links tickets only to interactions they handled (a call that reached two agents
    /// has one per agent); an unknown interaction is the store's validation error.
    public func addLink(ticketID: Int64, kind: TicketLink.Kind, reference: String, as caller: CTIPrincipal) async throws -> [TicketLink] {
        let principal = try await principal(caller, holding: .ticketsWrite)
        _ = try await visibleTicket(ticketID, principal)
        if kind == .interaction, principal.role == .agent, let id = Int64(reference),
            let call = try? await store.interactions.get(id: id), call.agent != principal.username
        {
            throw RepositoryError.forbidden("interaction \(id) was handled by another agent")
        }
        try await store.tickets.addLink(ticketID: ticketID, kind: kind, reference: reference, by: principal.username)
        return try await store.tickets.links(ticketID: ticketID)
    }

    public func history(ticketID: Int64, as caller: CTIPrincipal) async throws -> [TicketChange] {
        let principal = try await principal(caller, holding: .ticketsRead)
        _ = try await visibleTicket(ticketID, principal)
        return try await store.tickets.history(ticketID: ticketID)
    }

    /// Ticket `id` if the sharing rules let `principal` see it; "not found" otherwise.
    func visibleTicket(_ id: Int64, _ principal: Principal) async throws -> Ticket {
        let ticket = try await store.tickets.get(id: id)
        guard policy.canSee(ticket, by: principal) else { throw RepositoryError.notFound(entity: "ticket", id: "\(id)") }
        return ticket
    }

    /// Anyone who writes tickets may assign to themselves or one of their groups; anything else
    /// needs `tickets.assign`.
    func checkAssign(to assignee: TicketAssignee, _ principal: Principal) throws {
        switch assignee.kind {
        case .agent where assignee.name == principal.username: return
        case .group where principal.groups.contains(assignee.name): return
        default: try policy.require(principal, .ticketsAssign)
        }
    }
}
