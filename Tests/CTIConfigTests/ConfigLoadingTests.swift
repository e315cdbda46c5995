import CTIConfig
import Configuration
import Testing

@Suite("Loading: defaults, file and environment")
struct ConfigLoadingTests {
    static let credentials = ["ASTERISK_AMI_USERNAME": "ctibridge", "ASTERISK_AMI_SECRET": "pw"]

    @Test("Only the AMI user and secret are needed; everything else has a default")
    func defaults() async throws {
        let config = try await CTIBridgeConfig.load(environment: Self.credentials)
        let ami = config.asterisk.ami
        #expect(ami.host == "127.0.0.1")
        #expect(ami.port == 5038)
        #expect(ami.username == "ctibridge")
        #expect(ami.secret.revealed == "pw")
        #expect(ami.authMethod == .md5)
        #expect(ami.events == "on")
        #expect(ami.pingInterval == .seconds(15))
        #expect(ami.actionTimeout == .seconds(10))
        #expect(config.http == CTIBridgeConfig.HTTP(host: "127.0.0.1", port: 8080))
        #expect(config.database.path == "ctibridge.sqlite")
        #expect(config.log == CTIBridgeConfig.Log(level: .info, format: .text))
    }

    @Test("The file sets values, the environment overrides them key by key")
    func environmentWinsOverFile() async throws {
        let file = try TemporaryFile(
            """
            {
              "asterisk": { "ami": {
                "host": "10.0.0.5", "port": 5039, "username": "from-file", "secret": "file-secret",
                "authMethod": "plain", "events": "call,agent", "pingIntervalSeconds": 20
              } },
              "http": { "host": "0.0.0.0", "port": 9000 },
              "database": { "path": "/var/lib/ctibridge/db.sqlite" },
              "log": { "level": "debug", "format": "json" }
            }
            """)
        let environment = [
            "ASTERISK_AMI_PORT": "6038",
            "ASTERISK_AMI_SECRET": "env-secret",
            "ASTERISK_AMI_PING_INTERVAL_SECONDS": "2.5",
            "ASTERISK_AMI_AUTH_METHOD": "MD5",
            "LOG_LEVEL": "warning",
        ]
        let config = try await CTIBridgeConfig.load(file: file.path, environment: environment)
        let ami = config.asterisk.ami
        #expect(ami.host == "10.0.0.5")
        #expect(ami.port == 6038)
        #expect(ami.username == "from-file")
        #expect(ami.secret.revealed == "env-secret")
        #expect(ami.authMethod == .md5)
        #expect(ami.events == "call,agent")
        #expect(ami.pingInterval == .milliseconds(2500))
        #expect(ami.actionTimeout == .seconds(10))
        #expect(config.http == CTIBridgeConfig.HTTP(host: "0.0.0.0", port: 9000))
        #expect(config.database.path == "/var/lib/ctibridge/db.sqlite")
        #expect(config.log == CTIBridgeConfig.Log(level: .warning, format: .json))
    }

    @Test("Environment names follow swift-configuration's spelling", arguments: [
        ("asterisk.ami.host", "ASTERISK_AMI_HOST"),
        ("asterisk.ami.secret", "ASTERISK_AMI_SECRET"),
        ("asterisk.ami.authMethod", "ASTERISK_AMI_AUTH_METHOD"),
        ("asterisk.ami.actionTimeoutSeconds", "ASTERISK_AMI_ACTION_TIMEOUT_SECONDS"),
        ("database.path", "DATABASE_PATH"),
        ("storage.defaultCountry", "STORAGE_DEFAULT_COUNTRY"),
        ("storage.webhook.secret", "STORAGE_WEBHOOK_SECRET"),
    ])
    func environmentNames(key: String, variable: String) async throws {
        #expect(CTIBridgeConfig.environmentVariableName(forKey: key) == variable)
    }

    @Test("Every key can be set from the environment under its documented name")
    func everyKeyFromEnvironment() async throws {
        let environment = [
            "ASTERISK_AMI_HOST": "pbx.example", "ASTERISK_AMI_PORT": "1", "ASTERISK_AMI_USERNAME": "u",
            "ASTERISK_AMI_SECRET": "s", "ASTERISK_AMI_AUTH_METHOD": "plain", "ASTERISK_AMI_EVENTS": "off",
            "ASTERISK_AMI_PING_INTERVAL_SECONDS": "30", "ASTERISK_AMI_ACTION_TIMEOUT_SECONDS": "0.25",
            "HTTP_HOST": "::1", "HTTP_PORT": "65535", "DATABASE_PATH": "x.sqlite", "LOG_LEVEL": "critical",
            "LOG_FORMAT": "json", "ASTERISK_AMI_TRANSPORT": "tls", "ASTERISK_AMI_TLS_CA_FILE": "/dev/null",
            "ASTERISK_AMI_TLS_SERVER_NAME": "pbx.example.com", "ASTERISK_ARI_URL": "https://pbx.example:8089/ari",
            "ASTERISK_ARI_USERNAME": "cti", "ASTERISK_ARI_PASSWORD": "p", "ASTERISK_ARI_APPLICATION": "cc", "SITE_FILE": "site.json",
            "STORAGE_DEFAULT_COUNTRY": "gb", "STORAGE_WEBHOOK_URL": "https://crm.example/hook",
            "STORAGE_WEBHOOK_SECRET": "0123456789abcdef",
        ]
        let config = try await CTIBridgeConfig.load(environment: environment)
        #expect(config.redactedSettings.map(\.value) == [
            "pbx.example", "1", "u", "<set>", "plain", "off", "30", "0.25", "tls", "/dev/null", "pbx.example.com",
            "https://pbx.example:8089/ari", "cti", "<set>", "cc", "::1", "65535", "x.sqlite", "critical", "json", "site.json",
            "GB", "https://crm.example/hook", "<set>",
        ])
    }

    @Test("Providers can be passed in directly, the first one winning")
    func providersDirectly() throws {
        let overrides = InMemoryProvider(name: "overrides", values: ["http.port": 8443])
        let base = InMemoryProvider(
            name: "base",
            values: ["asterisk.ami.username": "u", "asterisk.ami.secret": ConfigValue("s", isSecret: true), "http.port": 80])
        let config = try CTIBridgeConfig(providers: [overrides, base])
        #expect(config.http.port == 8443)
        #expect(config.asterisk.ami.username == "u")
    }
}
