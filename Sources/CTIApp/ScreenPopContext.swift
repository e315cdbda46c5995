import CTICore

/// What the CRM knows about a caller, for the screen-pop.
public struct ScreenPopContext: Sendable, Hashable {
    public var customer: CTICustomerSummary?
    public var openTickets: [CTITicketSummary]
    public var lastInteractions: [CTIInteractionSummary]

    public init(customer: CTICustomerSummary? = nil, openTickets: [CTITicketSummary] = [], lastInteractions: [CTIInteractionSummary] = []) {
        self.customer = customer
        self.openTickets = openTickets
        self.lastInteractions = lastInteractions
    }
}

/// Finds the CRM context of a call (Storage-backed in the service; fixed in tests).
public protocol ScreenPopContextProvider: Sendable {
    /// The customer (by id when the IVR identified one, else by caller number) with open tickets and history.
    func context(customerID: String?, callerNumber: String?) async -> ScreenPopContext
}

/// A provider that knows nobody.
public struct NoScreenPopContext: ScreenPopContextProvider {
    public init() {}
    public func context(customerID: String?, callerNumber: String?) async -> ScreenPopContext { ScreenPopContext() }
}
