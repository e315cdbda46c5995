import CTICore
import CTIServer
import Storage

extension StoreRecords {
    public func users(page: PageRequest, as caller: CTIPrincipal) async throws -> Page<User> {
        _ = try await principal(caller, holding: .usersRead)
        return try await store.users.list(page: page)
    }

    public func user(id: Int64, as caller: CTIPrincipal) async throws -> User {
        _ = try await principal(caller, holding: .usersRead)
        return try await store.users.get(id: id)
    }

    public func createUser(_ draft: UserDraft, as caller: CTIPrincipal) async throws -> User {
        let principal = try await principal(caller, holding: .usersManage)
        // The store hashes the password on a thread of its own.
        return try await store.users.create(draft, by: principal.username)
    }

    public func updateUser(id: Int64, _ update: UserUpdate, as caller: CTIPrincipal) async throws -> User {
        let principal = try await principal(caller, holding: .usersManage)
        if id == principal.userID, update.isActive == false || (update.role.map { $0 != principal.role } ?? false) {
            throw RepositoryError.conflict("admins cannot deactivate themselves or change their own role")
        }
        return try await store.users.update(id: id, update, by: principal.username)
    }

    public func issueToken(userID: Int64, name: String, as caller: CTIPrincipal) async throws -> IssuedToken {
        let principal = try await principal(caller, holding: .tokensManage)
        return try await store.users.issueAPIToken(userID: userID, name: name, by: principal.username)
    }

    public func revokeToken(id: Int64, as caller: CTIPrincipal) async throws {
        let principal = try await principal(caller, holding: .tokensManage)
        try await store.users.revokeToken(id: id, by: principal.username)
    }
}
