/// One DTMF key: `0`-`9`, `*`, `#` or `A`-`D`.
public struct DTMFDigit: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The key's ASCII code.
    public let ascii: UInt8

    /// The digit for `character`, or nil when it is not a DTMF key.
    public init?(_ character: Character) {
        guard let ascii = character.asciiValue, DTMFDigit.isKey(ascii) else { return nil }
        self.ascii = ascii
    }

    /// The digit spelled by `text`, which must be exactly one DTMF key.
    public init?(_ text: String) {
        guard text.utf8.count == 1, let first = text.first else { return nil }
        self.init(first)
    }

    public var description: String { String(UnicodeScalar(ascii)) }

    /// The numeric value for `0`-`9`, nil for the other keys.
    public var number: Int? {
        ascii >= 0x30 && ascii <= 0x39 ? Int(ascii - 0x30) : nil
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let digit = DTMFDigit(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a DTMF key"))
        }
        self = digit
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func isKey(_ ascii: UInt8) -> Bool {
        switch ascii {
        case 0x30...0x39, 0x2A, 0x23, 0x41...0x44: true
        default: false
        }
    }
}
