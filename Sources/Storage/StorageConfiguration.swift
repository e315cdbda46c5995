import CTICore
import Foundation

/// Everything `CTIStore.open` needs: where the file is, numbering, clock and policies.
public struct StorageConfiguration: Sendable {
    /// Path of the SQLite file; created (with its WAL) if missing. The directory must exist.
    public var path: String
    /// Numbers without a country code are read in this country.
    public var defaultCountry: PhoneCountry
    /// The current time; tests pass a fixed or stepping clock.
    public var now: @Sendable () -> Date
    /// Ticket resolution targets.
    public var sla: SLAPolicy
    /// Permissions, sharing rules and field hiding.
    public var access: AccessPolicy
    /// Where ticket and call events are posted.
    public var webhooks: [WebhookEndpoint]
    /// Webhook retries and dead-lettering.
    public var webhookRetry: WebhookRetryPolicy
    /// PBKDF2-SHA256 rounds for new password hashes (at least 210,000).
    public var passwordIterations: Int
    /// How long a login session lasts.
    public var sessionLifetime: TimeInterval
    /// Test suites only: hash passwords with `PasswordHasher.testingIterations` rounds instead of
    /// OWASP's floor, as Django and Rails test setups do, so fixtures can create many users quickly.
    /// Such hashes are refused by any store that does not set this. Never set it in a real deployment.
    public var weakPasswordHashingForTests = false
    /// `true` (default): every commit is fsynced (`synchronous=FULL`), so a power loss loses nothing
    /// committed; `false` keeps WAL's `NORMAL`, safe against process crashes only.
    public var fullSync: Bool

    /// A configuration for `path` with `defaultCountry` (ISO code, e.g. `VN`).
    /// - Throws: `CRMValidationError` if the country is unknown.
    public init(
        path: String, defaultCountry: String, now: @escaping @Sendable () -> Date = { Date() }, sla: SLAPolicy = SLAPolicy(),
        access: AccessPolicy = AccessPolicy(), webhooks: [WebhookEndpoint] = [],
        webhookRetry: WebhookRetryPolicy = WebhookRetryPolicy(), passwordIterations: Int = PasswordHasher.minimumIterations,
        sessionLifetime: TimeInterval = 12 * 3600, fullSync: Bool = true
    ) throws(CRMValidationError) {
        guard let country = PhoneCountry.known[defaultCountry.uppercased()] else {
            throw CRMValidationError(issues: [
                ValidationIssue(field: "defaultCountry", message: "unknown country '\(defaultCountry)'")
            ])
        }
        self.path = path
        self.defaultCountry = country
        self.now = now
        self.sla = sla
        self.access = access
        self.webhooks = webhooks
        self.webhookRetry = webhookRetry
        self.passwordIterations = max(passwordIterations, PasswordHasher.minimumIterations)
        self.sessionLifetime = sessionLifetime
        self.fullSync = fullSync
    }
}
