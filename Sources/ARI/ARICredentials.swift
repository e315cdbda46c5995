/// The ari.conf user CTIBridge authenticates as. The password is never printed.
public struct ARICredentials: Sendable, Hashable, CustomStringConvertible {
    /// How the credentials travel.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// `Authorization: Basic …` (the default).
        case basic
        /// `?api_key=user:password` in the query (never logged: the client logs paths without queries).
        case apiKey
    }

    /// The `[user]` section in ari.conf.
    public var username: String
    /// The user's password.
    public var password: String
    /// Header or query parameter.
    public var method: Method

    /// Credentials for one ARI user.
    public init(username: String, password: String, method: Method = .basic) {
        self.username = username
        self.password = password
        self.method = method
    }

    public var description: String { "ARICredentials(username: \(username), method: \(method.rawValue), password: <redacted>)" }

    /// The `Authorization` header value for Basic auth.
    public var basicAuthorization: String {
        "Basic " + Base64.encode(Array("\(username):\(password)".utf8))
    }

    /// The `api_key` query value.
    public var apiKey: String { "\(username):\(password)" }
}

/// Standard base64 with padding; small enough to keep Foundation out of the header path.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index]
            let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
