import Crypto
import Foundation
import _CryptoExtras

/// PBKDF2-SHA256 password hashes in the form `pbkdf2-sha256$<rounds>$<salt b64>$<hash b64>`.
public struct PasswordHasher: Sendable {
    /// OWASP's floor for PBKDF2-SHA256 (also the least swift-crypto accepts).
    public static let minimumIterations = 210_000

    /// Rounds used by ``weakForTests()``.
    public static let testingIterations = 1_000

    public let iterations: Int
    /// Whether hashes below ``minimumIterations`` are made and accepted (test suites only).
    public let allowsWeakHashes: Bool

    public init(iterations: Int = minimumIterations) {
        self.iterations = max(iterations, Self.minimumIterations)
        allowsWeakHashes = false
    }

    private init(weakIterations: Int) {
        iterations = weakIterations
        allowsWeakHashes = true
    }

    /// A fast hasher for test fixtures that create many users; see
    /// `StorageConfiguration.weakPasswordHashingForTests`. Never use it for real passwords.
    public static func weakForTests() -> PasswordHasher { PasswordHasher(weakIterations: testingIterations) }

    /// A new salted hash of `password`.
    public func hash(_ password: String) throws -> String {
        let salt = SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }
        let key = try derive(password, salt: salt, rounds: iterations)
        return "pbkdf2-sha256$\(iterations)$\(salt.base64EncodedString())$\(key.base64EncodedString())"
    }

    /// Whether `password` matches `stored`, compared in constant time. False for malformed hashes.
    public func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$")
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]),
            rounds >= Self.minimumIterations || (allowsWeakHashes && rounds > 0),
            let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3])),
            let actual = try? derive(password, salt: salt, rounds: rounds)
        else { return false }
        return Self.constantTimeEqual(actual, expected)
    }

    /// Burns the same time as a verification, for unknown usernames (no timing oracle).
    public func dummyVerify(_ password: String) {
        _ = try? derive(password, salt: Data(repeating: 0, count: 16), rounds: iterations)
    }

    /// `hash(_:)` on a thread of its own: PBKDF2 takes tens of milliseconds by design and must not
    /// hold one of Swift's few cooperative threads (it would stall every socket and timer meanwhile).
    public func hashOffPool(_ password: String) async throws -> String {
        try await Self.offPool { try hash(password) }
    }

    /// `verify(_:against:)` on a thread of its own.
    public func verifyOffPool(_ password: String, against stored: String) async -> Bool {
        (try? await Self.offPool { verify(password, against: stored) }) ?? false
    }

    /// `dummyVerify(_:)` on a thread of its own.
    public func dummyVerifyOffPool(_ password: String) async {
        _ = try? await Self.offPool { dummyVerify(password) }
    }

    /// On a thread of its own: on Linux, Dispatch's global queues share their few threads with
    /// Swift's cooperative pool, so blocking one of them would stall tasks just the same.
    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    private func derive(_ password: String, salt: Data, rounds: Int) throws -> Data {
        let key =
            rounds >= Self.minimumIterations
            ? try KDF.Insecure.PBKDF2.deriveKey(from: Data(password.utf8), salt: salt, using: .sha256, outputByteCount: 32, rounds: rounds)
            : try KDF.Insecure.PBKDF2.deriveKey(
                from: Data(password.utf8), salt: salt, using: .sha256, outputByteCount: 32, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Data($0) }
    }

    static func constantTimeEqual(_ lhs: Data, _ rhs: Data) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
        return difference == 0
    }
}
