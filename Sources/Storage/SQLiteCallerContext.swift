import CTICore
import Foundation
import GRDB

/// What the CRM holds about a caller at the moment their call is offered: the customer, their open
/// tickets (most recently updated first) and their last calls.
public struct CallerContext: Sendable, Hashable {
    public var customer: Customer
    public var openTickets: [Ticket]
    public var recentInteractions: [Interaction]
}

/// Reads a caller's context for the screen-pop in one read transaction with prepared statements kept
/// by the connection, since it runs for every offered call. Interactions come without their ticket
/// links (the pop does not show them).
public struct SQLiteCallerContext: Sendable {
    let context: StoreContext

    init(context: StoreContext) { self.context = context }

    /// The context of the customer with `customerID`, or else of the most recently updated customer
    /// with `phoneNumber`; nil when neither finds one.
    public func context(customerID: Int64?, phoneNumber: String?, limit: Int = 5) async throws -> CallerContext? {
        let number = phoneNumber.flatMap(context.normalizer.normalizedOrNil)
        guard customerID != nil || number != nil else { return nil }
        let now = context.now
        let limit = max(0, limit)
        return try await context.pool.read { db in
            var found: Customer?
            if let customerID { found = try SQLiteCustomerRepository.find(db, id: customerID) }
            if found == nil, let number, let id = try SQLiteCustomerRepository.newestID(db, number: number) {
                found = try SQLiteCustomerRepository.find(db, id: id)
            }
            guard let customer = found else { return nil }
            let tickets = try db.cachedStatement(
                sql: """
                    SELECT * FROM tickets WHERE customer_id = ? AND status IN ('new', 'open', 'pending')
                    ORDER BY updated_at DESC, id DESC LIMIT ?
                    """)
            let calls = try db.cachedStatement(
                sql: "SELECT * FROM interactions WHERE customer_id = ? ORDER BY started_at DESC, id DESC LIMIT ?")
            return CallerContext(
                customer: customer,
                openTickets: try Row.fetchAll(tickets, arguments: [customer.id, limit]).map { SQLiteTicketRepository.ticket($0, now: now) },
                recentInteractions: try Row.fetchAll(calls, arguments: [customer.id, limit]).map {
                    SQLiteInteractionRepository.interaction($0, ticketIDs: [])
                })
        }
    }
}
