import Crypto
import Foundation

/// The signature a webhook receiver checks: HMAC-SHA256 over `"<timestamp>.<body>"` with the
/// endpoint's secret, sent as `X-CTIBridge-Signature: sha256=<hex>` next to `X-CTIBridge-Timestamp`.
public enum WebhookSignature {
    public static let signatureHeader = "X-CTIBridge-Signature"
    public static let timestampHeader = "X-CTIBridge-Timestamp"
    public static let eventHeader = "X-CTIBridge-Event"
    public static let deliveryHeader = "X-CTIBridge-Delivery"

    /// `sha256=<hex>` for `body` sent at `timestamp` (Unix seconds).
    public static func sign(body: String, timestamp: Int, secret: String) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).\(body)".utf8), using: key)
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `signature` is right for `body` and `timestamp`; constant-time.
    public static func verify(signature: String, body: String, timestamp: Int, secret: String) -> Bool {
        let expected = Data(sign(body: body, timestamp: timestamp, secret: secret).utf8)
        return PasswordHasher.constantTimeEqual(expected, Data(signature.utf8))
    }
}
