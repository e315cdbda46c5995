import Synchronization

/// Users and tokens held in memory: for tests, demos and a site without a database yet.
///
/// Logins issue random tokens; `revoke` ends them and closes their sockets.
public final class StaticTokenAuthenticator: CTIAuthenticator, CTISessionIssuer {
    /// A user who may log in with a password.
    public struct User: Sendable {
        public var username: String
        public var password: String
        public var principal: CTIPrincipal

        public init(username: String, password: String, principal: CTIPrincipal) {
            self.username = username
            self.password = password
            self.principal = principal
        }
    }

    struct State {
        var tokens: [String: CTIPrincipal] = [:]
        var users: [String: User] = [:]
    }

    private let state: Mutex<State>
    private let revocations: AsyncStream<String>
    private let revocationContinuation: AsyncStream<String>.Continuation

    public init(tokens: [String: CTIPrincipal] = [:], users: [User] = []) {
        var initial = State()
        initial.tokens = tokens
        for user in users { initial.users[user.username] = user }
        state = Mutex(initial)
        (revocations, revocationContinuation) = AsyncStream.makeStream(of: String.self)
    }

    deinit { revocationContinuation.finish() }

    public func authenticate(token: String) async -> CTIPrincipal? {
        state.withLock { $0.tokens[token] }
    }

    public func revokedTokens() -> AsyncStream<String> { revocations }

    public func login(username: String, password: String) async -> CTISessionGrant? {
        state.withLock { state -> CTISessionGrant? in
            guard let user = state.users[username], Self.constantTimeEqual(user.password, password) else { return nil }
            let token = Self.randomToken()
            state.tokens[token] = user.principal
            return CTISessionGrant(token: token, principal: user.principal)
        }
    }

    /// Adds a token directly.
    public func insert(token: String, for principal: CTIPrincipal) {
        state.withLock { $0.tokens[token] = principal }
    }

    /// Ends `token`: it no longer authenticates and open sockets using it are closed.
    public func revoke(token: String) {
        let removed = state.withLock { $0.tokens.removeValue(forKey: token) != nil }
        if removed { revocationContinuation.yield(token) }
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }
}
