import Crypto

/// How CTIBridge logs in to AMI. The secret is never printed.
public struct AMICredentials: Sendable, Hashable, CustomStringConvertible {
    /// How the secret is presented.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// `Secret:` in the clear (use on loopback or TLS only).
        case plain
        /// `Action: Challenge` then `Key: md5(challenge + secret)`.
        case md5
    }

    /// The `[user]` section name in manager.conf.
    public var username: String
    /// The user's secret.
    public var secret: String
    /// Plain or MD5 challenge.
    public var method: Method
    /// The `Events:` mask to ask for at login (`on`, `off`, or classes like `call,agent`).
    public var events: String

    /// Credentials for one AMI user.
    public init(username: String, secret: String, method: Method = .md5, events: String = "on") {
        self.username = username
        self.secret = secret
        self.method = method
        self.events = events
    }

    public var description: String { "AMICredentials(username: \(username), method: \(method.rawValue), secret: <redacted>)" }

    /// The MD5 login key for a challenge: lowercase hex of md5(challenge + secret).
    public static func md5Key(challenge: String, secret: String) -> String {
        let digest = Insecure.MD5.hash(data: Array((challenge + secret).utf8))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
