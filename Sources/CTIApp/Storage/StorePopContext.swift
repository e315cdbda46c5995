import CTICore
import Foundation
import Storage
import Telephony

/// The caller's customer record, open tickets and last calls, read from the store for the screen-pop.
///
/// The IVR's CRM lookup reads the whole context in the same transaction and keeps it briefly, so
/// an offer made right after the IVR (a free agent) pops without a second read.
public struct StorePopContext: ScreenPopContextProvider, IVRCustomerLookup {
    let store: CTIStore
    let limit: Int
    let prefetched: PrefetchedPopContexts

    public init(store: CTIStore, limit: Int = 5) {
        self.init(store: store, limit: limit, prefetched: PrefetchedPopContexts())
    }

    init(store: CTIStore, limit: Int, prefetched: PrefetchedPopContexts) {
        self.store = store
        self.limit = limit
        self.prefetched = prefetched
    }

    public func context(customerID: String?, callerNumber: String?) async -> ScreenPopContext {
        if let customerID, let kept = prefetched.take(customerID) { return kept }
        let found = try? await store.callerContext.context(customerID: customerID.flatMap { Int64($0) }, phoneNumber: callerNumber, limit: limit)
        guard let found else { return ScreenPopContext() }
        return Self.popContext(found)
    }

    /// The IVR's CRM lookup: the most recently updated customer with this number. Their pop
    /// context comes with it and is kept for the offer.
    public func customer(forCallerID callerID: String) async throws -> IVRCustomer? {
        guard let found = try await store.callerContext.context(customerID: nil, phoneNumber: callerID, limit: limit) else { return nil }
        let customer = found.customer
        prefetched.keep(Self.popContext(found), for: String(customer.id))
        return IVRCustomer(id: String(customer.id), name: customer.name, isVIP: customer.isVIP)
    }

    static func popContext(_ found: CallerContext) -> ScreenPopContext {
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
}
