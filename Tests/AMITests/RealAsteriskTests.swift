import AMI
import Foundation
import Testing

/// Connection settings for a real Asterisk, from `ASTERISK_AMI_HOST`, `ASTERISK_AMI_PORT`,
/// `ASTERISK_AMI_USERNAME`, `ASTERISK_AMI_SECRET` (configured from `AsteriskConf/manager.conf`).
private let realAsterisk: AMIClientConfiguration? = {
    let environment = ProcessInfo.processInfo.environment
    guard let host = environment["ASTERISK_AMI_HOST"], !host.isEmpty else { return nil }
    let port = environment["ASTERISK_AMI_PORT"].flatMap { Int($0) } ?? 5038
    let credentials = AMICredentials(
        username: environment["ASTERISK_AMI_USERNAME"] ?? "ctibridge", secret: environment["ASTERISK_AMI_SECRET"] ?? "",
        method: .md5)
    return AMIClientConfiguration(host: host, port: port, credentials: credentials)
}()

@Suite("AMI client against a real Asterisk (set ASTERISK_AMI_HOST to run)", .enabled(if: realAsterisk != nil))
struct RealAsteriskTests {
    @Test("login, resync, ping, lists and a command")
    func basics() async throws {
        let configuration = try #require(realAsterisk)
        try await withClient(configuration) { client, events in
            let seen = await collect(events) { $0.isResynced }
            #expect(seen.first?.isConnected == true)
            #expect(try await client.send(.ping)["Ping"] == "Pong")
            _ = try await client.list(.queueSummary())
            _ = try await client.list(.status)
            #expect(try await client.command("core show uptime").contains { $0.hasPrefix("System uptime") })
        }
    }
}
