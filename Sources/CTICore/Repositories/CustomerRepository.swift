/// Customers: CRUD, caller-ID lookup by any phone number form, search with pagination.
public protocol CustomerRepository: Sendable {
    /// Validates, normalises numbers and stores a new customer.
    func create(_ draft: CustomerDraft) async throws -> Customer
    /// The customer with `id`; `notFound` otherwise.
    func get(id: Int64) async throws -> Customer
    /// Replaces every field of customer `id` with `draft`.
    func update(id: Int64, with draft: CustomerDraft) async throws -> Customer
    /// Deletes customer `id`; its interactions stay, unlinked.
    func delete(id: Int64) async throws
    /// Customers having `phoneNumber` (any written form), most recently updated first; empty if none.
    func lookup(phoneNumber: String) async throws -> [Customer]
    /// Customers whose name, company, email or number contains `text` (all when nil), by name.
    func search(text: String?, page: PageRequest) async throws -> Page<Customer>
}

/// Calls: record, read, and the timeline of one customer.
public protocol InteractionRepository: Sendable {
    /// Stores a call, linking the customer by number when not given, and its tickets.
    func record(_ draft: InteractionDraft) async throws -> Interaction
    func get(id: Int64) async throws -> Interaction
    /// A customer's calls, newest first.
    func timeline(customerID: Int64, page: PageRequest) async throws -> Page<Interaction>
}

/// Trouble tickets with enforced status transitions, comments, links and history.
public protocol TicketRepository: Sendable {
    /// Opens a ticket with the next number and its SLA due time; audited.
    func create(_ draft: TicketDraft, by actor: String) async throws -> Ticket
    func get(id: Int64) async throws -> Ticket
    /// Applies `update`; status changes must follow the transition table. Audited with a diff.
    func update(id: Int64, _ update: TicketUpdate, by actor: String) async throws -> Ticket
    func addComment(ticketID: Int64, body: String, isInternal: Bool, by actor: String) async throws -> TicketComment
    func comments(ticketID: Int64) async throws -> [TicketComment]
    /// Links the ticket to a call or a recording.
    func addLink(ticketID: Int64, kind: TicketLink.Kind, reference: String, by actor: String) async throws
    func links(ticketID: Int64) async throws -> [TicketLink]
    /// Every change, oldest first.
    func history(ticketID: Int64) async throws -> [TicketChange]
    /// Tickets matching `query` that `principal` may see (all when nil), newest first.
    func search(_ query: TicketQuery, visibleTo principal: Principal?) async throws -> Page<Ticket>
    /// Tickets not done whose due time has passed, soonest due first.
    func breached(limit: Int) async throws -> [Ticket]
}

/// Users, passwords, session and API tokens.
public protocol UserRepository: Sendable {
    func create(_ draft: UserDraft, by actor: String) async throws -> User
    func get(id: Int64) async throws -> User
    func get(username: String) async throws -> User
    func update(id: Int64, _ update: UserUpdate, by actor: String) async throws -> User
    func list(page: PageRequest) async throws -> Page<User>
    /// Checks the password and issues a session token; `unauthenticated` on any mismatch.
    func login(username: String, password: String) async throws -> IssuedToken
    /// Issues a long-lived API token for an integration user.
    func issueAPIToken(userID: Int64, name: String, by actor: String) async throws -> IssuedToken
    /// The principal behind a bearer token; `unauthenticated` if unknown, expired, revoked or the user is inactive.
    func authenticate(token: String) async throws -> Principal
    /// Revokes the token presented (logout).
    func revoke(token: String) async throws
    /// Revokes a token by id.
    func revokeToken(id: Int64, by actor: String) async throws
}

/// The audit log: append and read.
public protocol AuditLog: Sendable {
    /// Appends an entry, e.g. for an IVR flow publish.
    func record(actor: String, action: String, entityType: String, entityID: String, changes: [FieldChange]) async throws
    /// Entries matching `query`, newest first.
    func entries(_ query: AuditQuery) async throws -> Page<AuditEntry>
}

/// Webhook messages waiting for delivery.
public protocol WebhookOutbox: Sendable {
    /// Queues `body` for every endpoint that wants `eventType`.
    func enqueue(_ eventType: WebhookEventType, body: String) async throws
    /// Pending messages due now, oldest first.
    func due(limit: Int) async throws -> [OutboxMessage]
    func markDelivered(id: Int64) async throws
    /// Records a failed attempt; schedules a retry with backoff or dead-letters the message.
    func markFailed(id: Int64, error: String) async throws -> OutboxMessage
    /// Dead-lettered messages, newest first.
    func deadLetters(limit: Int) async throws -> [OutboxMessage]
    /// Puts a dead message back in the queue, due now, with its attempts reset.
    func requeue(id: Int64) async throws
}
