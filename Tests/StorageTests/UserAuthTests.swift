import CTICore
import Foundation
import GRDB
import Storage
import Testing

@Suite("users: passwords, session and API tokens")
struct UserAuthTests {
    @Test("passwords are stored as PBKDF2-SHA256 with at least 210,000 rounds, never in clear")
    func passwordHash() async throws {
        let test = try TestStore()
        let user = try await test.store.users.create(
            UserDraft(username: "alice", displayName: "Alice", role: .agent, groups: ["billing"], password: "correct horse battery"), by: "admin"
        )
        let stored = try await test.store.database.read { db in
            try String.fetchOne(db, sql: "SELECT password_hash FROM users WHERE id = ?", arguments: [user.id])
        }
        let parts = try #require(stored).split(separator: "$")
        #expect(parts.count == 4 && parts[0] == "pbkdf2-sha256" && Int(parts[1])! >= 210_000)
        #expect(stored?.contains("correct horse") == false)
        let hasher = PasswordHasher()
        #expect(hasher.verify("correct horse battery", against: try #require(stored)))
        #expect(!hasher.verify("correct horse batterY", against: try #require(stored)))
        #expect(!hasher.verify("x", against: "pbkdf2-sha256$1$AAAA$AAAA"))
    }

    @Test("login issues a session token that authenticates; wrong password and unknown user fail alike")
    func login() async throws {
        let test = try TestStore()
        let users = test.store.users
        _ = try await users.create(UserDraft(username: "alice", displayName: "Alice", role: .supervisor, groups: ["b", "a"], password: "correct horse battery"), by: "admin")
        let session = try await users.login(username: "alice", password: "correct horse battery")
        #expect(session.kind == .session && session.token.hasPrefix("ctb_s_") && session.token.count > 40)
        let principal = try await users.authenticate(token: session.token)
        #expect(principal.username == "alice" && principal.role == .supervisor && principal.groups == ["a", "b"])
        await #expect(throws: RepositoryError.unauthenticated) { try await users.login(username: "alice", password: "wrong password!!") }
        await #expect(throws: RepositoryError.unauthenticated) { try await users.login(username: "nobody", password: "correct horse battery") }
        await #expect(throws: RepositoryError.unauthenticated) { try await users.authenticate(token: "ctb_s_forged") }
        let stored = try await test.store.database.read { db in try String.fetchAll(db, sql: "SELECT token_hash FROM tokens") }
        #expect(stored.count == 1 && stored[0] != session.token && !stored[0].contains(session.token))
    }

    @Test("revoked, expired and deactivated tokens stop working")
    func revocation() async throws {
        let test = try TestStore()
        let users = test.store.users
        let alice = try await users.create(UserDraft(username: "alice", displayName: "Alice", role: .agent, password: "correct horse battery"), by: "admin")
        let first = try await users.login(username: "alice", password: "correct horse battery")
        try await users.revoke(token: first.token)
        await #expect(throws: RepositoryError.unauthenticated) { try await users.authenticate(token: first.token) }
        await #expect(throws: RepositoryError.unauthenticated) { try await users.revoke(token: first.token) }

        let second = try await users.login(username: "alice", password: "correct horse battery")
        test.clock.advance(seconds: 12 * 3600 + 1)
        await #expect(throws: RepositoryError.unauthenticated) { try await users.authenticate(token: second.token) }

        let api = try await users.issueAPIToken(userID: alice.id, name: "crm-sync", by: "admin")
        #expect(api.token.hasPrefix("ctb_a_") && api.expiresAt == nil)
        #expect(try await users.authenticate(token: api.token).userID == alice.id)
        _ = try await users.update(id: alice.id, UserUpdate(isActive: false), by: "admin")
        await #expect(throws: RepositoryError.unauthenticated) { try await users.authenticate(token: api.token) }
        await #expect(throws: RepositoryError.unauthenticated) { try await users.login(username: "alice", password: "correct horse battery") }
        _ = try await users.update(id: alice.id, UserUpdate(isActive: true), by: "admin")
        #expect(try await users.authenticate(token: api.token).userID == alice.id)
        try await users.revokeToken(id: api.id, by: "admin")
        await #expect(throws: RepositoryError.unauthenticated) { try await users.authenticate(token: api.token) }
    }

    @Test("a password change ends open sessions; the new password works")
    func passwordChange() async throws {
        let test = try TestStore()
        let users = test.store.users
        let alice = try await users.create(UserDraft(username: "alice", displayName: "Alice", role: .agent, password: "correct horse battery"), by: "admin")
        let session = try await users.login(username: "alice", password: "correct horse battery")
        _ = try await users.update(id: alice.id, UserUpdate(password: "another long secret"), by: "alice")
        await #expect(throws: RepositoryError.unauthenticated) { try await users.authenticate(token: session.token) }
        _ = try await users.login(username: "alice", password: "another long secret")
    }

    @Test("duplicate usernames conflict (case-insensitively); bad drafts list every field")
    func conflictsAndValidation() async throws {
        let test = try TestStore()
        let users = test.store.users
        _ = try await users.create(UserDraft(username: "alice", displayName: "Alice", role: .agent, password: "correct horse battery"), by: "admin")
        await #expect(throws: RepositoryError.conflict("username 'ALICE' is taken")) {
            try await users.create(UserDraft(username: "ALICE", displayName: "A", role: .agent, password: "correct horse battery"), by: "admin")
        }
        let error = await #expect(throws: RepositoryError.self) {
            try await users.create(UserDraft(username: "x'; --", displayName: " ", role: .qa, password: "short"), by: "admin")
        }
        guard case .validation(let validation) = error else {
            Issue.record("expected validation, got \(String(describing: error))")
            return
        }
        #expect(validation.fields == ["username", "displayName", "password"])
        #expect(try await users.list(page: PageRequest()).total == 1)
    }
}
