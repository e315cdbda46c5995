import CTICore
import Testing

@Suite("phone number normalisation")
struct PhoneNumberNormalizerTests {
    let vietnam = PhoneNumberNormalizer(countryCode: "VN")!

    @Test(
        "every written form of a Vietnamese mobile is one E.164 number",
        arguments: ["0912 345 678", "+84912345678", "84912345678", "0084 912-345-678", "(091) 234.5678", "912345678"]
    )
    func vietnameseForms(raw: String) throws {
        #expect(try vietnam.normalize(raw) == "+84912345678")
    }

    @Test("other countries use their own calling code and trunk prefix")
    func otherCountries() throws {
        #expect(try PhoneNumberNormalizer(countryCode: "gb")!.normalize("020 7946 0018") == "+442079460018")
        #expect(try PhoneNumberNormalizer(countryCode: "US")!.normalize("(415) 555-0132") == "+14155550132")
        #expect(try PhoneNumberNormalizer(countryCode: "US")!.normalize("1 415 555 0132") == "+14155550132")
        #expect(try vietnam.normalize("+44 20 7946 0018") == "+442079460018")
        #expect(PhoneNumberNormalizer(countryCode: "XX") == nil)
    }

    @Test("letters, empty input and wrong lengths are rejected with the reason")
    func rejects() {
        #expect(throws: PhoneNumberNormalizer.Failure.invalidCharacter("x")) { try vietnam.normalize("0912x45678") }
        #expect(throws: PhoneNumberNormalizer.Failure.empty) { try vietnam.normalize(" - ") }
        #expect(throws: PhoneNumberNormalizer.Failure.wrongLength(digits: 4)) { try vietnam.normalize("0912") }
        #expect(throws: PhoneNumberNormalizer.Failure.wrongLength(digits: 20)) { try vietnam.normalize("+12345678901234567890") }
        #expect(throws: PhoneNumberNormalizer.Failure.invalidCharacter("'")) { try vietnam.normalize("'; DROP TABLE customers; --") }
        #expect(throws: PhoneNumberNormalizer.Failure.invalidCharacter("+")) { try vietnam.normalize("84+912345678") }
    }
}
