import Storage
import Testing

@Suite("weak password hashing is for test suites only")
struct WeakHashingTests {
    @Test("a weak hash verifies only with the testing hasher; a real hasher refuses it and never makes one")
    func weakHashesStayInTests() throws {
        let weak = PasswordHasher.weakForTests()
        let hash = try weak.hash("correct horse battery")
        #expect(hash.hasPrefix("pbkdf2-sha256$\(PasswordHasher.testingIterations)$"))
        #expect(weak.verify("correct horse battery", against: hash))
        #expect(!weak.verify("wrong horse battery", against: hash))
        #expect(!PasswordHasher().verify("correct horse battery", against: hash))
        #expect(PasswordHasher(iterations: 5).iterations == PasswordHasher.minimumIterations)
        // A real hash still verifies under the testing hasher (same format, more rounds).
        #expect(weak.verify("correct horse battery", against: try PasswordHasher().hash("correct horse battery")))
    }
}
