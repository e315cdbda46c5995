import CTIConfig
import Testing

@Suite("Validation: every problem at once")
struct ConfigValidationTests {
    /// Loads and returns the problems, failing the test if loading succeeds.
    func problems(file: String? = nil, environment: [String: String] = [:]) async -> [CTIBridgeConfigError.Problem] {
        do {
            let config = try await CTIBridgeConfig.load(file: file, environment: environment)
            Issue.record("expected problems, got \(config)")
            return []
        } catch {
            return error.problems
        }
    }

    @Test("A file full of mistakes reports each of them, with key, kind and a clear message")
    func everyProblemTogether() async throws {
        let file = try TemporaryFile(
            """
            {
              "asterisk": { "ami": {
                "host": 5, "port": 70000, "authMethod": "sha1", "events": "call,bogus",
                "pingIntervalSeconds": 0, "actionTimeoutSeconds": -1, "transport": "ssl"
              }, "ari": { "url": "ftp://pbx", "application": "two words" } },
              "http": { "host": "", "port": "eighty" },
              "database": { "path": "   " },
              "log": { "level": "loud", "format": "xml" },
              "acd": { "mode": "dialer" }
            }
            """)
        let found = await problems(file: file.path, environment: ["ASTERISK_AMI_USERNAME": "two words"])
        let byKey = Dictionary(found.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let expected: [(String, CTIBridgeConfigError.Code)] = [
            ("asterisk.ami.host", .wrongType),
            ("asterisk.ami.port", .outOfRange),
            ("asterisk.ami.username", .invalidValue),
            ("asterisk.ami.secret", .missing),
            ("asterisk.ami.authMethod", .unknownValue),
            ("asterisk.ami.events", .unknownValue),
            ("asterisk.ami.pingIntervalSeconds", .outOfRange),
            ("asterisk.ami.actionTimeoutSeconds", .outOfRange),
            ("asterisk.ami.transport", .unknownValue),
            ("asterisk.ari.url", .invalidValue),
            ("asterisk.ari.application", .invalidValue),
            ("http.host", .invalidValue),
            ("http.port", .wrongType),
            ("database.path", .invalidValue),
            ("log.level", .unknownValue),
            ("log.format", .unknownValue),
            ("acd.mode", .unknownValue),
        ]
        #expect(found.count == expected.count, "\(found)")
        for (key, code) in expected {
            #expect(byKey[key]?.code == code, "\(key): \(String(describing: byKey[key]))")
        }
        #expect(byKey["asterisk.ami.host"]?.message == "expected a string, got 5 (from file \(file.path))")
        #expect(byKey["asterisk.ami.port"]?.message == "must be a port from 1 to 65535, got 70000 (from file \(file.path))")
        #expect(byKey["asterisk.ami.secret"]?.message.contains("ASTERISK_AMI_SECRET") == true)
        #expect(byKey["asterisk.ami.authMethod"]?.message.contains("expected one of: plain, md5") == true)
        #expect(byKey["asterisk.ami.events"]?.message.contains("\"bogus\"") == true)
        #expect(byKey["acd.mode"]?.message.contains("expected one of: controller, observer") == true)
        #expect(byKey["http.port"]?.message == "expected an integer port number, got \"eighty\" (from file \(file.path))")
        #expect(byKey["log.level"]?.message.contains("trace, debug, info, notice, warning, error, critical") == true)
        #expect(byKey["asterisk.ami.username"]?.message.contains("environment variable ASTERISK_AMI_USERNAME") == true)
    }

    @Test("Missing user and secret are both reported")
    func missingCredentials() async {
        let found = await problems()
        #expect(found.map(\.key) == ["asterisk.ami.username", "asterisk.ami.secret"])
        #expect(found.allSatisfy { $0.code == .missing })
    }

    @Test("A non-numeric port from the environment names the variable and the value")
    func nonNumericPortFromEnvironment() async {
        let found = await problems(environment: [
            "ASTERISK_AMI_USERNAME": "u", "ASTERISK_AMI_SECRET": "s", "ASTERISK_AMI_PORT": "50x38", "HTTP_PORT": "0",
            "ASTERISK_AMI_ACTION_TIMEOUT_SECONDS": "soon",
        ])
        #expect(found.map(\.description) == [
            "asterisk.ami.port: expected an integer port number, got \"50x38\" (from environment variable ASTERISK_AMI_PORT)",
            "asterisk.ami.actionTimeoutSeconds: expected a number of seconds, got \"soon\" (from environment variable ASTERISK_AMI_ACTION_TIMEOUT_SECONDS)",
            "http.port: must be a port from 1 to 65535, got 0 (from environment variable HTTP_PORT)",
        ])
    }

    @Test("A config file that does not exist is a problem, and the rest is still checked")
    func missingFile() async {
        let path = missingPath()
        let found = await problems(file: path, environment: ["ASTERISK_AMI_USERNAME": "u"])
        #expect(found.map(\.key) == [path, "asterisk.ami.secret"])
        #expect(found.first?.code == .fileNotFound)
        #expect(found.first?.description == "\(path): config file not found")
    }

    @Test("A file that is not JSON gets a clear error naming the file")
    func invalidJSON() async throws {
        let file = try TemporaryFile("{ \"asterisk\": { \"ami\": { \"port\": 5038, } ")
        let found = await problems(file: file.path, environment: ["ASTERISK_AMI_USERNAME": "u", "ASTERISK_AMI_SECRET": "s"])
        try #require(found.count == 1)
        #expect(found[0].code == .invalidFile)
        #expect(found[0].key == file.path)
        #expect(found[0].description.hasPrefix("\(file.path): not a valid JSON config file: "))
    }

    @Test("A JSON file whose top level is not an object is rejected")
    func topLevelArray() async throws {
        let file = try TemporaryFile("[1, 2, 3]")
        let found = await problems(file: file.path, environment: ["ASTERISK_AMI_USERNAME": "u", "ASTERISK_AMI_SECRET": "s"])
        #expect(found.map(\.code) == [.invalidFile])
        #expect(found.first?.message.contains("object") == true)
    }

    @Test("A directory is not a config file")
    func directory() async {
        let found = await problems(file: "/tmp", environment: ["ASTERISK_AMI_USERNAME": "u", "ASTERISK_AMI_SECRET": "s"])
        #expect(found.map(\.code) == [.invalidFile])
    }

    @Test("The error text lists every problem on its own line")
    func errorDescription() async {
        do {
            _ = try await CTIBridgeConfig.load(environment: ["LOG_FORMAT": "yaml"])
            Issue.record("expected an error")
        } catch {
            let lines = error.description.split(separator: "\n")
            #expect(lines.first == "configuration has 3 problems:")
            #expect(lines.count == 4)
            #expect(lines.last?.hasPrefix("  - log.format: unknown log format \"yaml\"") == true)
        }
    }

    @Test("TLS settings: a CA file that cannot be read, and TLS keys given while the transport is tcp")
    func tlsSettings() async throws {
        let base = ["ASTERISK_AMI_USERNAME": "u", "ASTERISK_AMI_SECRET": "s"]
        var missingFile = base
        missingFile["ASTERISK_AMI_TRANSPORT"] = "tls"
        missingFile["ASTERISK_AMI_TLS_CA_FILE"] = "/nonexistent/ca.pem"
        let unreadable = await problems(environment: missingFile)
        #expect(unreadable.map(\.key) == ["asterisk.ami.tlsCaFile"])
        #expect(unreadable.first?.message.contains("cannot read \"/nonexistent/ca.pem\"") == true)

        var tcpWithTLSKeys = base
        tcpWithTLSKeys["ASTERISK_AMI_TLS_CA_FILE"] = "/dev/null"
        tcpWithTLSKeys["ASTERISK_AMI_TLS_SERVER_NAME"] = "pbx.example.com"
        let misplaced = await problems(environment: tcpWithTLSKeys)
        #expect(Set(misplaced.map(\.key)) == ["asterisk.ami.tlsCaFile", "asterisk.ami.tlsServerName"])
        #expect(misplaced.allSatisfy { $0.message.contains("used only with asterisk.ami.transport = tls") })
    }
}
