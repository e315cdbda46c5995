import CTIConfig
import Testing

@Suite("Secrets are never printed")
struct SecretRedactionTests {
    static let secret = "Sup3r-s3cret-AMI-pa55"

    @Test("Descriptions, debug output, dumps and mirrors of a valid config hide the secret")
    func validConfig() async throws {
        let config = try await CTIBridgeConfig.load(
            environment: ["ASTERISK_AMI_USERNAME": "ctibridge", "ASTERISK_AMI_SECRET": Self.secret])
        #expect(config.asterisk.ami.secret.revealed == Self.secret)

        var dumped = ""
        dump(config, to: &dumped)
        let texts = [
            config.description, config.debugDescription, String(describing: config), String(reflecting: config),
            "\(config.asterisk.ami)", String(reflecting: config.asterisk.ami), "\(config.asterisk.ami.secret)",
            String(reflecting: config.asterisk.ami.secret), dumped,
            config.redactedSettings.map(\.value).joined(),
        ]
        for text in texts {
            #expect(!text.contains(Self.secret), "leaked in: \(text)")
        }
        #expect(config.description.contains("asterisk.ami.secret = <set>"))
        #expect("\(config.asterisk.ami.secret)" == "<redacted>")
    }

    @Test("Problems with the secret never quote it", arguments: [
        "{\"asterisk\": {\"ami\": {\"secret\": 4242424242}}}",
        "{\"asterisk\": {\"ami\": {\"secret\": \"line\\nbreak-4242424242\"}}}",
    ])
    func problemsHideSecret(json: String) async throws {
        let file = try TemporaryFile(json)
        do {
            _ = try await CTIBridgeConfig.load(file: file.path, environment: ["ASTERISK_AMI_USERNAME": "u"])
            Issue.record("expected a problem with the secret")
        } catch {
            let problem = try #require(error.problems.first { $0.key == "asterisk.ami.secret" })
            #expect(problem.code == .wrongType || problem.code == .invalidValue)
            #expect(!error.description.contains("4242424242"))
            #expect(!String(reflecting: error).contains("4242424242"))
        }
    }

    @Test("A secret set in the environment is redacted by the provider too")
    func environmentSecretInProviderDescription() async throws {
        do {
            _ = try await CTIBridgeConfig.load(environment: ["ASTERISK_AMI_SECRET": Self.secret, "HTTP_PORT": "x"])
            Issue.record("expected a problem")
        } catch {
            #expect(!String(reflecting: error).contains(Self.secret))
        }
    }
}
