import CTICore
import Testing

@Suite("customer and ticket validation")
struct CustomerDraftTests {
    let normalizer = PhoneNumberNormalizer(countryCode: "VN")!

    @Test("a valid draft is trimmed and its numbers normalised")
    func clean() throws {
        let draft = CustomerDraft(name: "  Nguyễn Văn A ", phoneNumbers: ["0912 345 678", "+442079460018"], emails: [" a@example.vn "], company: " ")
        let clean = try draft.validated(normalizer: normalizer)
        #expect(clean.name == "Nguyễn Văn A")
        #expect(clean.phoneNumbers == ["+84912345678", "+442079460018"])
        #expect(clean.emails == ["a@example.vn"])
        #expect(clean.company == nil)
    }

    @Test("every bad field is listed, not only the first")
    func everyIssue() {
        let draft = CustomerDraft(
            name: "  ", phoneNumbers: ["0912345678", "abc", "84912345678"], emails: ["ok@example.com", "not-an-email"],
            tags: [String(repeating: "t", count: 51)]
        )
        let error = #expect(throws: CRMValidationError.self) { try draft.validated(normalizer: normalizer) }
        #expect(error?.fields == ["name", "phoneNumbers[1]", "phoneNumbers[2]", "emails[1]", "tags[0]"])
    }

    @Test("ticket drafts and updates report every bad field")
    func tickets() {
        let draft = TicketDraft(subject: " ", category: String(repeating: "c", count: 101), assignee: .agent(""))
        let error = #expect(throws: CRMValidationError.self) { try draft.validated() }
        #expect(error?.fields == ["subject", "category", "assignee.name"])
        let update = TicketUpdate(subject: "", assignee: .group("billing"), clearAssignee: true)
        let updateError = #expect(throws: CRMValidationError.self) { try update.validate() }
        #expect(updateError?.fields == ["subject", "clearAssignee"])
    }

    @Test("user drafts check username characters and password length")
    func users() {
        let draft = UserDraft(username: "a b", displayName: "", role: .agent, password: "short")
        let error = #expect(throws: CRMValidationError.self) { try draft.validate() }
        #expect(error?.fields == ["username", "displayName", "password"])
    }
}
