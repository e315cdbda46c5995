import CTICore
import Synchronization

/// The CRM as the IVR sees it: caller ID → customer.
public protocol IVRCustomerLookup: Sendable {
    /// The customer whose number is `callerID`, nil when there is none; throws when the CRM
    /// cannot answer (the flow then takes its `failed` branch).
    func customer(forCallerID callerID: String) async throws -> IVRCustomer?
}

/// An in-memory directory of customers by number, for the demo and tests.
public final class IVRCustomerDirectory: IVRCustomerLookup {
    private let customers: Mutex<[String: IVRCustomer]>

    /// A directory of `customers` keyed by caller ID number.
    public init(_ customers: [String: IVRCustomer] = [:]) {
        self.customers = Mutex(customers)
    }

    /// Adds or replaces the customer for `number`.
    public func set(_ customer: IVRCustomer?, forNumber number: String) {
        customers.withLock { $0[number] = customer }
    }

    public func customer(forCallerID callerID: String) async throws -> IVRCustomer? {
        customers.withLock { $0[callerID] }
    }
}
