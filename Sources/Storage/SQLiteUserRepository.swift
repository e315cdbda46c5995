import CTICore
import Foundation
import GRDB

/// Users, password hashes and bearer tokens in SQLite. User and token changes are audited.
public struct SQLiteUserRepository: UserRepository {
    let context: StoreContext

    private var hasher: PasswordHasher {
        context.configuration.weakPasswordHashingForTests
            ? .weakForTests() : PasswordHasher(iterations: context.configuration.passwordIterations)
    }

    public func create(_ draft: UserDraft, by actor: String) async throws -> User {
        do { try draft.validate() } catch { throw RepositoryError.validation(error) }
        let hash = try await hasher.hashOffPool(draft.password)
        let now = context.now
        let groups = Self.cleanGroups(draft.groups)
        let displayName = draft.displayName.trimmingCharacters(in: .whitespaces)
        return try await context.pool.write { db in
            do {
                try db.execute(
                    sql: """
                        INSERT INTO users (username, display_name, role, groups, password_hash, is_active, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, 1, ?, ?)
                        """,
                    arguments: [
                        draft.username, displayName, draft.role.rawValue, RowCoding.json(groups), hash,
                        RowCoding.seconds(now), RowCoding.seconds(now),
                    ]
                )
            } catch let error as DatabaseError where error.isUniqueViolation {
                throw RepositoryError.conflict("username '\(draft.username)' is taken")
            }
            let user = try Self.fetch(db, id: db.lastInsertedRowID)
            try AuditWriter.insert(
                db, at: now, actor: actor, action: "user.create", entityType: "user", entityID: "\(user.id)",
                changes: [
                    FieldChange(field: "username", oldValue: nil, newValue: user.username),
                    FieldChange(field: "role", oldValue: nil, newValue: user.role.rawValue),
                    FieldChange(field: "groups", oldValue: nil, newValue: groups.joined(separator: ",")),
                ]
            )
            return user
        }
    }

    public func get(id: Int64) async throws -> User {
        try await context.pool.read { db in try Self.fetch(db, id: id) }
    }

    public func get(username: String) async throws -> User {
        try await context.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE username = ?", arguments: [username]) else {
                throw RepositoryError.notFound(entity: "user", id: username)
            }
            return Self.user(row)
        }
    }

    public func update(id: Int64, _ update: UserUpdate, by actor: String) async throws -> User {
        do { try update.validate() } catch { throw RepositoryError.validation(error) }
        let newHash: String?
        if let password = update.password { newHash = try await hasher.hashOffPool(password) } else { newHash = nil }
        let now = context.now
        return try await context.pool.write { db in
            let old = try Self.fetch(db, id: id)
            var new = old
            if let displayName = update.displayName { new.displayName = displayName.trimmingCharacters(in: .whitespaces) }
            if let role = update.role { new.role = role }
            if let groups = update.groups { new.groups = Self.cleanGroups(groups) }
            if let isActive = update.isActive { new.isActive = isActive }
            var changes: [FieldChange] = []
            if old.displayName != new.displayName {
                changes.append(FieldChange(field: "displayName", oldValue: old.displayName, newValue: new.displayName))
            }
            if old.role != new.role { changes.append(FieldChange(field: "role", oldValue: old.role.rawValue, newValue: new.role.rawValue)) }
            if old.groups != new.groups {
                changes.append(FieldChange(field: "groups", oldValue: old.groups.joined(separator: ","), newValue: new.groups.joined(separator: ",")))
            }
            if old.isActive != new.isActive {
                changes.append(FieldChange(field: "isActive", oldValue: "\(old.isActive)", newValue: "\(new.isActive)"))
            }
            if newHash != nil { changes.append(FieldChange(field: "password", oldValue: nil, newValue: "(changed)")) }
            guard !changes.isEmpty else { return old }
            try db.execute(
                sql: "UPDATE users SET display_name = ?, role = ?, groups = ?, is_active = ?, updated_at = ? WHERE id = ?",
                arguments: [new.displayName, new.role.rawValue, RowCoding.json(new.groups), new.isActive, RowCoding.seconds(now), id]
            )
            if let newHash {
                try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [newHash, id])
            }
            if newHash != nil || !new.isActive {
                // A new password or a deactivation ends every open session.
                try db.execute(
                    sql: "UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND kind = 'session' AND revoked_at IS NULL",
                    arguments: [RowCoding.seconds(now), id]
                )
            }
            let action = old.role != new.role ? "user.role" : "user.update"
            try AuditWriter.insert(db, at: now, actor: actor, action: action, entityType: "user", entityID: "\(id)", changes: changes)
            return try Self.fetch(db, id: id)
        }
    }

    public func list(page: PageRequest) async throws -> Page<User> {
        let page = try page.checked()
        return try await context.pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM users") ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM users ORDER BY username LIMIT ? OFFSET ?", arguments: [page.limit, page.offset]
            )
            return Page(items: rows.map(Self.user), total: total, limit: page.limit, offset: page.offset)
        }
    }

    public func login(username: String, password: String) async throws -> IssuedToken {
        let found = try await context.pool.read { db -> (User, String)? in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE username = ?", arguments: [username])
                .map { (Self.user($0), $0["password_hash"]) }
        }
        guard let (user, storedHash) = found else {
            await hasher.dummyVerifyOffPool(password)
            throw RepositoryError.unauthenticated
        }
        guard await hasher.verifyOffPool(password, against: storedHash), user.isActive else {
            throw RepositoryError.unauthenticated
        }
        let now = context.now
        let expiresAt = now.addingTimeInterval(context.configuration.sessionLifetime)
        return try await issue(kind: .session, user: user, name: nil, expiresAt: expiresAt, now: now, auditActor: nil)
    }

    public func issueAPIToken(userID: Int64, name: String, by actor: String) async throws -> IssuedToken {
        var check = ValidationCollector()
        check.checkLength(name.trimmingCharacters(in: .whitespaces), "name", 1...100)
        do { try check.finish() } catch { throw RepositoryError.validation(error) }
        let user = try await get(id: userID)
        return try await issue(kind: .api, user: user, name: name, expiresAt: nil, now: context.now, auditActor: actor)
    }

    public func authenticate(token: String) async throws -> Principal {
        let hash = TokenSecret.hash(token)
        let now = RowCoding.seconds(context.now)
        let user = try await context.pool.read { db -> User? in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT u.* FROM tokens t JOIN users u ON u.id = t.user_id
                    WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)
                        AND u.is_active = 1
                    """,
                arguments: [hash, now]
            ).map(Self.user)
        }
        guard let user else { throw RepositoryError.unauthenticated }
        return user.principal
    }

    public func revoke(token: String) async throws {
        let hash = TokenSecret.hash(token)
        let now = context.now
        try await context.pool.write { db in
            try db.execute(
                sql: "UPDATE tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
                arguments: [RowCoding.seconds(now), hash]
            )
            guard db.changesCount > 0 else { throw RepositoryError.unauthenticated }
        }
    }

    public func revokeToken(id: Int64, by actor: String) async throws {
        let now = context.now
        try await context.pool.write { db in
            try db.execute(
                sql: "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [RowCoding.seconds(now), id]
            )
            guard db.changesCount > 0 else { throw RepositoryError.notFound(entity: "token", id: "\(id)") }
            try AuditWriter.insert(db, at: now, actor: actor, action: "token.revoke", entityType: "token", entityID: "\(id)", changes: [])
        }
    }

    private func issue(
        kind: IssuedToken.Kind, user: User, name: String?, expiresAt: Date?, now: Date, auditActor: String?
    ) async throws -> IssuedToken {
        let secret = TokenSecret.generate(prefix: kind == .session ? "ctb_s_" : "ctb_a_")
        let hash = TokenSecret.hash(secret)
        let id = try await context.pool.write { db in
            try db.execute(
                sql: "INSERT INTO tokens (user_id, kind, name, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [user.id, kind.rawValue, name, hash, RowCoding.seconds(now), RowCoding.secondsOrNil(expiresAt)]
            )
            let id = db.lastInsertedRowID
            if let auditActor {
                try AuditWriter.insert(
                    db, at: now, actor: auditActor, action: "token.issue", entityType: "token", entityID: "\(id)",
                    changes: [
                        FieldChange(field: "user", oldValue: nil, newValue: user.username),
                        FieldChange(field: "name", oldValue: nil, newValue: name),
                    ]
                )
            }
            return id
        }
        return IssuedToken(id: id, kind: kind, token: secret, user: user, expiresAt: expiresAt)
    }

    static func fetch(_ db: Database, id: Int64) throws -> User {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id]) else {
            throw RepositoryError.notFound(entity: "user", id: "\(id)")
        }
        return user(row)
    }

    static func user(_ row: Row) -> User {
        User(
            id: row["id"], username: row["username"], displayName: row["display_name"],
            role: Role(rawValue: row["role"]) ?? .agent, groups: RowCoding.decode([String].self, row["groups"], fallback: []),
            isActive: row["is_active"], createdAt: RowCoding.date(row["created_at"] as Double),
            updatedAt: RowCoding.date(row["updated_at"] as Double)
        )
    }

    private static func cleanGroups(_ groups: [String]) -> [String] {
        Array(Set(groups.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })).sorted()
    }
}
