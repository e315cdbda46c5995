import CTIConfig
import Testing

@Suite("Storage settings: default country and webhook")
struct StorageSettingsTests {
    static let credentials = ["ASTERISK_AMI_USERNAME": "ctibridge", "ASTERISK_AMI_SECRET": "pw"]
    static let webhookSecret = "s3cret-signing-key-0123456789"

    @Test("Unset, the country comes from the site file and there is no webhook")
    func defaults() async throws {
        let config = try await CTIBridgeConfig.load(environment: Self.credentials)
        #expect(config.storage == CTIBridgeConfig.Storage())
        #expect(config.description.contains("storage.webhook.url = <none>"))
    }

    @Test("File and environment set the country and the webhook; the secret is never shown")
    func fromFileAndEnvironment() async throws {
        let file = try TemporaryFile(#"{"storage": {"defaultCountry": "gb", "webhook": {"url": "https://crm.example/hooks"}}}"#)
        let environment = Self.credentials.merging(["STORAGE_WEBHOOK_SECRET": Self.webhookSecret]) { first, _ in first }
        let config = try await CTIBridgeConfig.load(file: file.path, environment: environment)
        #expect(config.storage.defaultCountry == "GB")
        #expect(config.storage.webhookURL == "https://crm.example/hooks")
        #expect(config.storage.webhookSecret.revealed == Self.webhookSecret)
        #expect(config.description.contains("storage.webhook.secret = <set>"))
        #expect(!config.description.contains(Self.webhookSecret))
        #expect(!String(reflecting: config).contains(Self.webhookSecret))
        #expect(CTIBridgeConfig.Keys.secrets.contains(CTIBridgeConfig.Keys.storageWebhookSecret))
    }

    @Test("Every storage problem is listed at once")
    func problems() async throws {
        let environment = Self.credentials.merging([
            "STORAGE_DEFAULT_COUNTRY": "Vietnam", "STORAGE_WEBHOOK_URL": "ftp://crm.example", "STORAGE_WEBHOOK_SECRET": "short",
        ]) { first, _ in first }
        do {
            let config = try await CTIBridgeConfig.load(environment: environment)
            Issue.record("expected problems, got \(config)")
        } catch {
            let keys = Set(error.problems.map(\.key))
            #expect(keys == ["storage.defaultCountry", "storage.webhook.url", "storage.webhook.secret"])
            #expect(!error.description.contains("short"))
        }
        do {
            _ = try await CTIBridgeConfig.load(environment: Self.credentials.merging(["STORAGE_WEBHOOK_URL": "https://crm.example"]) { a, _ in a })
            Issue.record("a webhook without a secret was accepted")
        } catch {
            #expect(error.problems.map(\.key) == ["storage.webhook.secret"])
            #expect(error.problems.first?.code == .missing)
        }
    }
}
