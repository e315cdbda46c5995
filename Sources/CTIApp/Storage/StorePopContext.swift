import CTICore
import Foundation
import Storage
import Telephony

/// The caller's customer record, open tickets and last calls, read from the store for the screen-pop.
public struct StorePopContext: ScreenPopContextProvider, IVRCustomerLookup {
    let store: CTIStore
    let limit: Int

    public init(store: CTIStore, limit: Int = 5) {
        self.store = store
        self.limit = limit
    }

    public func context(customerID: String?, callerNumber: String?) async -> ScreenPopContext {
        let found = try? await store.callerContext.context(customerID: customerID.flatMap { Int64($0) }, phoneNumber: callerNumber, limit: limit)
        guard let found else { return ScreenPopContext() }
        let customer = found.customer
        return ScreenPopContext(
            customer: CTICustomerSummary(
                id: String(customer.id), name: customer.name, company: customer.company, vip: customer.isVIP, tags: customer.tags,
                notes: customer.notes),
            openTickets: found.openTickets.map {
                CTITicketSummary(
                    id: String($0.id), subject: $0.subject, status: $0.status.rawValue, priority: $0.priority.rawValue,
                    updatedAt: $0.updatedAt.timeIntervalSince1970)
            },
            lastInteractions: found.recentInteractions.map {
                CTIInteractionSummary(
                    id: String($0.id), channel: $0.direction.rawValue, at: $0.startedAt.timeIntervalSince1970, agentName: $0.agent,
                    disposition: $0.disposition)
            })
    }

    /// The IVR's CRM lookup: the most recently updated customer with this number.
    public func customer(forCallerID callerID: String) async throws -> IVRCustomer? {
        guard let customer = try await store.customers.lookup(phoneNumber: callerID).first else { return nil }
        return IVRCustomer(id: String(customer.id), name: customer.name, isVIP: customer.isVIP)
    }
}
