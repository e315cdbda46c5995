/// Errors a repository raises for a request that cannot be carried out.
///
/// HTTP mapping: `notFound` → 404, `conflict` → 409, `invalidTransition` → 409,
/// `validation` → 422, `unauthenticated` → 401, `forbidden` → 403.
public enum RepositoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No `entity` with that id or key.
    case notFound(entity: String, id: String)
    /// The change clashes with existing data (e.g. a username already taken).
    case conflict(String)
    /// The input is invalid; every bad field is listed.
    case validation(CRMValidationError)
    /// A ticket status change the transition table forbids.
    case invalidTransition(TicketTransitionError)
    /// Wrong credentials, or an unknown, expired or revoked token.
    case unauthenticated
    /// The caller may not do this.
    case forbidden(String)

    public var description: String {
        switch self {
        case .notFound(let entity, let id): "\(entity) \(id) not found"
        case .conflict(let message): "conflict: \(message)"
        case .validation(let error): error.description
        case .invalidTransition(let error): error.description
        case .unauthenticated: "not authenticated"
        case .forbidden(let message): "forbidden: \(message)"
        }
    }
}
