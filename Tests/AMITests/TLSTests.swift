import AMI
import AsteriskSimulator
import CTICore
import Foundation
import Logging
import Testing
import TestSupport

/// The AMI client over TLS against the simulator's TLS listener (like Asterisk's `tlsenable`).
@Suite("AMI over TLS")
struct TLSTests {
    static let tlsDirectory = Fixtures.directory.appendingPathComponent("tls")
    static func file(_ name: String) -> String { tlsDirectory.appendingPathComponent(name).path }

    /// A simulator listening with TLS, serving the certificate `name`.pem/.key.
    func startSimulator(certificate name: String = "server") async throws -> (AMISimulator, Int) {
        var configuration = AMISimulatorConfiguration(users: ["ctibridge": "s3cret"])
        configuration.tls = AMISimulatorTLS(
            certificateChainFile: Self.file("\(name).pem"), privateKeyFile: Self.file("\(name).key"))
        let simulator = AMISimulator(configuration: configuration, logger: Logger(label: "test.simulator"))
        return (simulator, try await simulator.start())
    }

    func configuration(host: String = "127.0.0.1", port: Int, tls: AMITLSConfiguration?) -> AMIClientConfiguration {
        var configuration = AMIClientConfiguration(
            host: host, port: port, credentials: AMICredentials(username: "ctibridge", secret: "s3cret", method: .md5))
        configuration.tls = tls
        configuration.backoff = Backoff(initial: .milliseconds(20), maximum: .milliseconds(100))
        configuration.loginTimeout = .seconds(10)
        return configuration
    }

    /// Runs a client expected to stop by itself, returning the error it stopped with.
    func fatalError(of configuration: AMIClientConfiguration) async -> AMIError? {
        let client = AMIClient(configuration: configuration, logger: Logger(label: "test.ami"), randomSeed: 1)
        do {
            try await client.run()
            return nil
        } catch {
            return error as? AMIError
        }
    }

    @Test("logs in over TLS by IP address, checked against the certificate's IP entry, and runs actions")
    func loginByAddress() async throws {
        let (simulator, port) = try await startSimulator()
        let tls = AMITLSConfiguration(trustRootsFile: Self.file("ca.pem"))
        let pong = try await withClient(configuration(port: port, tls: tls)) { client, events in
            _ = await collect(events) { $0.isResynced }
            return try await client.send(.ping)
        }
        #expect(pong["Ping"] == "Pong")
        try await simulator.stop()
    }

    @Test("logs in over TLS by host name (SNI and name check on localhost)")
    func loginByName() async throws {
        let (simulator, port) = try await startSimulator()
        let tls = AMITLSConfiguration(trustRootsFile: Self.file("ca.pem"))
        let connected = try await withClient(configuration(host: "localhost", port: port, tls: tls)) { _, events in
            await collect(events) { $0.isConnected }.last
        }
        #expect(connected?.isConnected == true)
        try await simulator.stop()
    }

    @Test("a certificate for another name is refused, fatally, with no retry")
    func nameMismatch() async throws {
        let (simulator, port) = try await startSimulator(certificate: "pbx-example")
        let tls = AMITLSConfiguration(trustRootsFile: Self.file("ca.pem"), serverName: "pbx.other.com")
        let error = await fatalError(of: configuration(port: port, tls: tls))
        #expect(error?.code == .tlsFailed)
        #expect(simulator.connectionCount <= 1)
        try await simulator.stop()
    }

    @Test("serverName lets a client reach a named certificate by IP address")
    func serverNameOverride() async throws {
        let (simulator, port) = try await startSimulator(certificate: "pbx-example")
        let tls = AMITLSConfiguration(trustRootsFile: Self.file("ca.pem"), serverName: "pbx.example.com")
        let connected = try await withClient(configuration(port: port, tls: tls)) { _, events in
            await collect(events) { $0.isConnected }.last
        }
        #expect(connected?.isConnected == true)
        try await simulator.stop()
    }

    @Test("a certificate from a CA the client does not trust is refused")
    func untrustedCA() async throws {
        let (simulator, port) = try await startSimulator()
        let error = await fatalError(of: configuration(port: port, tls: AMITLSConfiguration()))
        #expect(error?.code == .tlsFailed)
        try await simulator.stop()
    }

    @Test("an unreadable CA file stops the client before it connects")
    func badCAFile() async throws {
        let tls = AMITLSConfiguration(trustRootsFile: "/nonexistent/ca.pem")
        let error = await fatalError(of: configuration(port: 1, tls: tls))
        #expect(error?.code == .tlsFailed)
        #expect(error?.message.contains("/nonexistent/ca.pem") == true)
    }

    @Test("TLS toward a plain-TCP AMI fails clearly instead of hanging")
    func tlsToPlainServer() async throws {
        let simulator = AMISimulator(configuration: AMISimulatorConfiguration(users: ["ctibridge": "s3cret"]))
        let port = try await simulator.start()
        let tls = AMITLSConfiguration(trustRootsFile: Self.file("ca.pem"))
        let error = await fatalError(of: configuration(port: port, tls: tls))
        #expect(error?.code == .tlsFailed)
        try await simulator.stop()
    }
}
