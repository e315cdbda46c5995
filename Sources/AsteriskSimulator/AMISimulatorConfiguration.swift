import Foundation
/// How the simulated Asterisk listens and whom it lets in.
public struct AMISimulatorConfiguration: Sendable, CustomStringConvertible {
    /// Address to bind; loopback by default.
    public var host: String = "127.0.0.1"
    /// Port to bind; 0 picks a free one (kept for later restarts).
    public var port: Int = 0
    /// TLS on the listener (like `tlsenable`); `nil` listens in plain TCP.
    public var tls: AMISimulatorTLS?
    /// The manager.conf users by name.
    public var accounts: [String: AMISimulatorUser]
    /// How long a refused login waits before answering and closing; Asterisk sleeps 1 s.
    public var failedLoginDelay: Duration = .seconds(1)
    /// A session whose socket stays unwritable this long is dropped, like Asterisk's `writetimeout`.
    public var writeTimeout: Duration = .seconds(5)
    /// Longest wait of the clock driver between checks for due call steps.
    public var tick: Duration = .milliseconds(20)
    /// Longest accepted request line; Asterisk reads 1024 bytes per line.
    public var maxLineLength: Int = 1024
    /// Most lines in one request; Asterisk reads 128.
    public var maxLines: Int = 128
    /// Asterisk's monitor directory: when set, MixMonitor files named relative to it land here and,
    /// when a recording ends, a WAV of its length is written (only `.wav` files inside this directory).
    /// Nil writes no files.
    public var monitorDirectory: URL?

    /// A configuration with these users (username → secret), each with every permission.
    public init(users: [String: String], port: Int = 0) {
        self.accounts = users.mapValues { AMISimulatorUser(secret: $0) }
        self.port = port
    }

    /// A configuration with these users and their permissions.
    public init(accounts: [String: AMISimulatorUser], port: Int = 0) {
        self.accounts = accounts
        self.port = port
    }

    public var description: String {
        "AMISimulatorConfiguration(\(host):\(port)\(tls == nil ? "" : " tls"), users: \(accounts.keys.sorted()), secrets: <redacted>)"
    }
}
