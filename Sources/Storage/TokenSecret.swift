import Crypto
import Foundation

/// Bearer token secrets: 256 random bits, stored only as their SHA-256.
enum TokenSecret {
    /// A new secret such as `ctb_s_…` (session) or `ctb_a_…` (API).
    static func generate(prefix: String) -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let text = bytes.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + text
    }

    /// Hex SHA-256 of a secret, the form kept in the database.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
