/// One thing a user may do.
public enum Permission: String, Codable, Sendable, Hashable, CaseIterable {
    case customersRead = "customers.read"
    case customersWrite = "customers.write"
    case customersDelete = "customers.delete"
    case interactionsRead = "interactions.read"
    case interactionsWrite = "interactions.write"
    case ticketsRead = "tickets.read"
    case ticketsWrite = "tickets.write"
    case ticketsAssign = "tickets.assign"
    case usersRead = "users.read"
    case usersManage = "users.manage"
    case flowsManage = "flows.manage"
    case evaluationsWrite = "evaluations.write"
    case auditRead = "audit.read"
    case webhooksManage = "webhooks.manage"
    case tokensManage = "tokens.manage"
}
