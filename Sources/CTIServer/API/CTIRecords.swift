import CTICore

/// Customers, interactions, tickets and users behind the REST API, as the caller may see them.
///
/// The implementation checks the caller's permissions (throwing `RepositoryError.forbidden` → 403),
/// applies the sharing rules (a record the caller may not see is `notFound` → 404, and searches
/// filter in the query itself) and hides fields from roles the field rules exclude.
public protocol CTIRecords: Sendable {
    // MARK: Customers
    func searchCustomers(text: String?, page: PageRequest, as caller: CTIPrincipal) async throws -> Page<Customer>
    func customer(id: Int64, as caller: CTIPrincipal) async throws -> Customer
    func createCustomer(_ draft: CustomerDraft, as caller: CTIPrincipal) async throws -> Customer
    /// Replaces every field; fields hidden from the caller's role keep their stored values.
    func replaceCustomer(id: Int64, with draft: CustomerDraft, as caller: CTIPrincipal) async throws -> Customer
    func deleteCustomer(id: Int64, as caller: CTIPrincipal) async throws
    /// Customers having `number` in any written form.
    func lookup(number: String, as caller: CTIPrincipal) async throws -> [Customer]

    // MARK: Interactions
    /// A customer's calls, newest first.
    func timeline(customerID: Int64, page: PageRequest, as caller: CTIPrincipal) async throws -> Page<Interaction>
    func interaction(id: Int64, as caller: CTIPrincipal) async throws -> Interaction
    /// Sets a call's disposition; agents only on calls they handled.
    func setDisposition(interactionID: Int64, disposition: String, note: String?, as caller: CTIPrincipal) async throws -> Interaction

    // MARK: Tickets
    func searchTickets(_ query: TicketQuery, as caller: CTIPrincipal) async throws -> Page<Ticket>
    func ticket(id: Int64, as caller: CTIPrincipal) async throws -> Ticket
    func createTicket(_ draft: TicketDraft, as caller: CTIPrincipal) async throws -> Ticket
    /// Field changes and status transitions (checked against the transition table).
    func updateTicket(id: Int64, _ update: TicketUpdate, as caller: CTIPrincipal) async throws -> Ticket
    func comments(ticketID: Int64, as caller: CTIPrincipal) async throws -> [TicketComment]
    func addComment(ticketID: Int64, body: String, isInternal: Bool, as caller: CTIPrincipal) async throws -> TicketComment
    func links(ticketID: Int64, as caller: CTIPrincipal) async throws -> [TicketLink]
    func addLink(ticketID: Int64, kind: TicketLink.Kind, reference: String, as caller: CTIPrincipal) async throws -> [TicketLink]
    func history(ticketID: Int64, as caller: CTIPrincipal) async throws -> [TicketChange]

    // MARK: Users
    func users(page: PageRequest, as caller: CTIPrincipal) async throws -> Page<User>
    func user(id: Int64, as caller: CTIPrincipal) async throws -> User
    func createUser(_ draft: UserDraft, as caller: CTIPrincipal) async throws -> User
    /// Display name, role, groups, active flag or password; deactivating ends the user's sessions.
    func updateUser(id: Int64, _ update: UserUpdate, as caller: CTIPrincipal) async throws -> User
    /// A new API token for `userID`; its secret is in the answer and nowhere else.
    func issueToken(userID: Int64, name: String, as caller: CTIPrincipal) async throws -> IssuedToken
    func revokeToken(id: Int64, as caller: CTIPrincipal) async throws
}
