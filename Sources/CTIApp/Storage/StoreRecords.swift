import CTICore
import CTIServer
import Storage

/// The REST API's records over the store, with the access policy applied: permissions by role,
/// sharing rules (in SQL for searches; a record the caller may not see is "not found") and
/// customer fields hidden per role.
public struct StoreRecords: CTIRecords {
    let store: CTIStore

    public init(store: CTIStore) {
        self.store = store
    }

    var policy: AccessPolicy { store.configuration.access }

    /// The caller as the access policy knows them (with groups), or 401 if gone or deactivated.
    func principal(_ caller: CTIPrincipal) async throws -> Principal {
        guard let id = Int64(caller.userID), let user = try? await store.users.get(id: id), user.isActive else {
            throw RepositoryError.unauthenticated
        }
        return user.principal
    }

    /// The caller, if they hold `permission` (403 otherwise).
    func principal(_ caller: CTIPrincipal, holding permission: Permission) async throws -> Principal {
        let principal = try await principal(caller)
        try policy.require(principal, permission)
        return principal
    }

    // MARK: Customers

    public func searchCustomers(text: String?, page: PageRequest, as caller: CTIPrincipal) async throws -> Page<Customer> {
        let principal = try await principal(caller, holding: .customersRead)
        var found = try await store.customers.search(text: text, page: page, visibleTo: principal)
        found.items = found.items.map { policy.redacted($0, for: principal.role) }
        return found
    }

    public func customer(id: Int64, as caller: CTIPrincipal) async throws -> Customer {
        let principal = try await principal(caller, holding: .customersRead)
        return policy.redacted(try await visibleCustomer(id, principal), for: principal.role)
    }

    public func createCustomer(_ draft: CustomerDraft, as caller: CTIPrincipal) async throws -> Customer {
        let principal = try await principal(caller, holding: .customersWrite)
        var draft = draft
        // A role may not write what it may not read.
        for field in policy.hiddenCustomerFields[principal.role] ?? [] { Self.reset(field, in: &draft) }
        return policy.redacted(try await store.customers.create(draft), for: principal.role)
    }

    public func replaceCustomer(id: Int64, with draft: CustomerDraft, as caller: CTIPrincipal) async throws -> Customer {
        let principal = try await principal(caller, holding: .customersWrite)
        let current = try await visibleCustomer(id, principal)
        var draft = draft
        for field in policy.hiddenCustomerFields[principal.role] ?? [] { Self.keep(field, of: current, in: &draft) }
        return policy.redacted(try await store.customers.update(id: id, with: draft), for: principal.role)
    }

    public func deleteCustomer(id: Int64, as caller: CTIPrincipal) async throws {
        let principal = try await principal(caller, holding: .customersDelete)
        _ = try await visibleCustomer(id, principal)
        try await store.customers.delete(id: id)
    }

    public func lookup(number: String, as caller: CTIPrincipal) async throws -> [Customer] {
        let principal = try await principal(caller, holding: .customersRead)
        return try await store.customers.lookup(phoneNumber: number)
            .filter { policy.canSee($0, by: principal) }
            .map { policy.redacted($0, for: principal.role) }
    }

    /// Customer `id` if `principal` may see it; "not found" otherwise, so hidden records stay unknown.
    func visibleCustomer(_ id: Int64, _ principal: Principal) async throws -> Customer {
        let customer = try await store.customers.get(id: id)
        guard policy.canSee(customer, by: principal) else { throw RepositoryError.notFound(entity: "customer", id: "\(id)") }
        return customer
    }

    static func reset(_ field: CustomerField, in draft: inout CustomerDraft) {
        switch field {
        case .phoneNumbers: draft.phoneNumbers = []
        case .emails: draft.emails = []
        case .company: draft.company = nil
        case .notes: draft.notes = nil
        case .customFields: draft.customFields = [:]
        case .tags: draft.tags = []
        }
    }

    static func keep(_ field: CustomerField, of customer: Customer, in draft: inout CustomerDraft) {
        switch field {
        case .phoneNumbers: draft.phoneNumbers = customer.phoneNumbers
        case .emails: draft.emails = customer.emails
        case .company: draft.company = customer.company
        case .notes: draft.notes = customer.notes
        case .customFields: draft.customFields = customer.customFields
        case .tags: draft.tags = customer.tags
        }
    }

    // MARK: Interactions

    public func timeline(customerID: Int64, page: PageRequest, as caller: CTIPrincipal) async throws -> Page<Interaction> {
        let principal = try await principal(caller, holding: .interactionsRead)
        _ = try await visibleCustomer(customerID, principal)
        return try await store.interactions.timeline(customerID: customerID, page: page)
    }

    public func interaction(id: Int64, as caller: CTIPrincipal) async throws -> Interaction {
        let principal = try await principal(caller, holding: .interactionsRead)
        return try await visibleInteraction(id, principal)
    }

    public func setDisposition(interactionID: Int64, disposition: String, note: String?, as caller: CTIPrincipal) async throws -> Interaction {
        let principal = try await principal(caller, holding: .interactionsWrite)
        let call = try await visibleInteraction(interactionID, principal)
        if principal.role == .agent, call.agent != principal.username {
            throw RepositoryError.forbidden("call \(interactionID) was handled by another agent")
        }
        return try await store.interactions.setDisposition(id: interactionID, disposition: disposition, note: note)
    }

    /// A call is visible to whoever handled it and to whoever may see its customer.
    func visibleInteraction(_ id: Int64, _ principal: Principal) async throws -> Interaction {
        let call = try await store.interactions.get(id: id)
        if call.agent == principal.username || policy.sharing.customerScope(principal.role) == .all { return call }
        if let customerID = call.customerID, let customer = try? await store.customers.get(id: customerID),
            policy.canSee(customer, by: principal)
        {
            return call
        }
        throw RepositoryError.notFound(entity: "interaction", id: "\(id)")
    }
}
