/// How the simulated Asterisk listens and whom it lets in.
public struct AMISimulatorConfiguration: Sendable {
    /// Address to bind; loopback by default.
    public var host: String = "127.0.0.1"
    /// Port to bind; 0 picks a free one.
    public var port: Int = 0
    /// AMI users: username → secret.
    public var users: [String: String]
    /// How long a refused login waits before answering, as Asterisk does (1 s).
    public var failedLoginDelay: Duration = .seconds(1)

    /// A configuration with these users.
    public init(users: [String: String], port: Int = 0) {
        self.users = users
        self.port = port
    }
}
