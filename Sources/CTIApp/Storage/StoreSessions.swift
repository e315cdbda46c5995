import CTICore
import CTIServer
import Storage
import Synchronization

/// Logins, session tokens and revocation for the agent desktop and REST API, kept in the store.
///
/// An agent's ACD agent id is their username.
public final class StoreSessions: CTIAuthenticator, CTISessionIssuer {
    let store: CTIStore
    private let listeners = Mutex<[AsyncStream<String>.Continuation]>([])

    public init(store: CTIStore) {
        self.store = store
    }

    public func authenticate(token: String) async -> CTIPrincipal? {
        guard let principal = try? await store.users.authenticate(token: token) else { return nil }
        return CTIPrincipal(
            userID: String(principal.userID), agentID: principal.role == .agent ? principal.username : nil,
            displayName: principal.displayName ?? principal.username, role: Self.role(principal.role))
    }

    public func login(username: String, password: String) async -> CTISessionGrant? {
        // The store checks the password hash on a thread of its own.
        guard let issued = try? await store.users.login(username: username, password: password) else { return nil }
        let user = issued.user
        return CTISessionGrant(
            token: issued.token,
            principal: CTIPrincipal(
                userID: String(user.id), agentID: user.role == .agent ? user.username : nil, displayName: user.displayName,
                role: Self.role(user.role)))
    }

    /// Revokes a token in the store and closes the sockets that use it.
    public func revoke(token: String) async throws {
        try await store.users.revoke(token: token)
        for listener in listeners.withLock({ $0 }) { listener.yield(token) }
    }

    public func revokedTokens() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1_000))
        listeners.withLock { $0.append(continuation) }
        return stream
    }

    static func role(_ role: Role) -> CTIRole {
        switch role {
        case .agent: .agent
        case .supervisor: .supervisor
        case .qa: .qa
        case .admin: .admin
        }
    }
}
