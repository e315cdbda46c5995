/// Numbering facts for one country: enough to turn national numbers into E.164.
public struct PhoneCountry: Sendable, Hashable, Codable {
    /// ISO 3166 alpha-2 code, e.g. `VN`.
    public var isoCode: String
    /// The country calling code without `+`, e.g. `84`.
    public var callingCode: String
    /// The national trunk prefix dialled before national numbers, e.g. `0` (empty when none).
    public var trunkPrefix: String
    /// Allowed lengths of the national significant number (without trunk prefix).
    public var nationalLengths: ClosedRange<Int>

    public init(isoCode: String, callingCode: String, trunkPrefix: String, nationalLengths: ClosedRange<Int>) {
        self.isoCode = isoCode
        self.callingCode = callingCode
        self.trunkPrefix = trunkPrefix
        self.nationalLengths = nationalLengths
    }

    /// Countries known by ISO code.
    public static let known: [String: PhoneCountry] = {
        let list: [PhoneCountry] = [
            PhoneCountry(isoCode: "VN", callingCode: "84", trunkPrefix: "0", nationalLengths: 9...10),
            PhoneCountry(isoCode: "US", callingCode: "1", trunkPrefix: "", nationalLengths: 10...10),
            PhoneCountry(isoCode: "CA", callingCode: "1", trunkPrefix: "", nationalLengths: 10...10),
            PhoneCountry(isoCode: "GB", callingCode: "44", trunkPrefix: "0", nationalLengths: 9...10),
            PhoneCountry(isoCode: "FR", callingCode: "33", trunkPrefix: "0", nationalLengths: 9...9),
            PhoneCountry(isoCode: "DE", callingCode: "49", trunkPrefix: "0", nationalLengths: 6...11),
            PhoneCountry(isoCode: "AU", callingCode: "61", trunkPrefix: "0", nationalLengths: 9...9),
            PhoneCountry(isoCode: "SG", callingCode: "65", trunkPrefix: "", nationalLengths: 8...8),
            PhoneCountry(isoCode: "TH", callingCode: "66", trunkPrefix: "0", nationalLengths: 8...9),
            PhoneCountry(isoCode: "JP", callingCode: "81", trunkPrefix: "0", nationalLengths: 9...10),
            PhoneCountry(isoCode: "IN", callingCode: "91", trunkPrefix: "0", nationalLengths: 10...10),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.isoCode, $0) })
    }()
}
