import Foundation

/// A successful REST answer: status, `Location` (for 201s) and body bytes.
public struct ARIResponse: Sendable, Hashable {
    /// HTTP status (2xx).
    public var status: Int
    /// The `Location` header, sent with 201 answers.
    public var location: String?
    /// The body as received.
    public var body: [UInt8]

    /// A response value.
    public init(status: Int, location: String? = nil, body: [UInt8]) {
        self.status = status
        self.location = location
        self.body = body
    }

    /// The body decoded as `T`; a mismatch throws ``ARIError/Code/decoding`` naming the field.
    public func decode<T: Decodable>(_ type: T.Type, what: String) throws(ARIError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch {
            throw ARIError.decoding(error, what: what)
        }
    }
}
