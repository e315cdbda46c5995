/// Turns phone numbers as people type them into E.164 (`+84912345678`), so one caller is one key.
///
/// With default country VN, `0912 345 678`, `+84912345678`, `84912345678`, `0084 912-345-678` and
/// `(091) 234.5678` all give `+84912345678`.
public struct PhoneNumberNormalizer: Sendable, Hashable {
    /// Why a number was rejected.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case empty
        case invalidCharacter(Character)
        case wrongLength(digits: Int)

        public var description: String {
            switch self {
            case .empty: "is empty"
            case .invalidCharacter(let character): "contains '\(character)', which is not part of a phone number"
            case .wrongLength(let digits): "has \(digits) digits, which is not a valid length"
            }
        }
    }

    /// The country assumed for numbers written without a country code.
    public let defaultCountry: PhoneCountry

    /// A normalizer for `defaultCountry`.
    public init(defaultCountry: PhoneCountry) { self.defaultCountry = defaultCountry }

    /// A normalizer for a known ISO code (`VN`, `US`, `GB`, …); nil when the code is unknown.
    public init?(countryCode: String) {
        guard let country = PhoneCountry.known[countryCode.uppercased()] else { return nil }
        self.init(defaultCountry: country)
    }

    /// The E.164 form of `raw`, or the reason it is not a phone number.
    public func normalize(_ raw: String) throws(Failure) -> String {
        var digits = ""
        var international = false
        var seenDigit = false
        for character in raw {
            switch character {
            case "0"..."9":
                digits.append(character)
                seenDigit = true
            case "+" where !seenDigit && !international:
                international = true
            case " ", "-", ".", "(", ")", "\u{00A0}", "/":
                continue
            default:
                throw .invalidCharacter(character)
            }
        }
        guard !digits.isEmpty else { throw .empty }
        if !international && digits.hasPrefix("00") {
            digits.removeFirst(2)
            international = true
        }
        if international {
            guard (8...15).contains(digits.count) else { throw .wrongLength(digits: digits.count) }
            return "+" + digits
        }
        let country = defaultCountry
        let trunk = country.trunkPrefix
        if !trunk.isEmpty && digits.hasPrefix(trunk) {
            let national = String(digits.dropFirst(trunk.count))
            guard country.nationalLengths.contains(national.count) else { throw .wrongLength(digits: digits.count) }
            return "+" + country.callingCode + national
        }
        if digits.hasPrefix(country.callingCode),
            country.nationalLengths.contains(digits.count - country.callingCode.count)
        {
            return "+" + digits
        }
        guard country.nationalLengths.contains(digits.count) else { throw .wrongLength(digits: digits.count) }
        return "+" + country.callingCode + digits
    }

    /// The E.164 form, or nil when `raw` is not a phone number.
    public func normalizedOrNil(_ raw: String) -> String? { try? normalize(raw) }
}
