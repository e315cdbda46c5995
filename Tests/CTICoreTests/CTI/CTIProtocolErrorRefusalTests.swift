import CTICore
import Testing

/// A refused agent action carries the store's kind of refusal, as REST answers it; anything else
/// is the engine's `actionRejected`.
@Suite struct CTIProtocolErrorRefusalTests {
    struct EngineRefusal: Error, CustomStringConvertible {
        var description: String { "call c1 is not ringing" }
    }

    @Test func storeRefusalsKeepTheirKind() {
        let invalid = CRMValidationError(issues: [ValidationIssue(field: "priority", message: "must be one of low, normal, high, urgent")])
        #expect(CTIProtocolError(refusing: RepositoryError.forbidden("call c1 was not handled by agent 1003"))
            == CTIProtocolError(.forbidden, "call c1 was not handled by agent 1003"))
        #expect(CTIProtocolError(refusing: RepositoryError.notFound(entity: "ticket", id: "42")) == CTIProtocolError(.notFound, "ticket 42 not found"))
        #expect(CTIProtocolError(refusing: RepositoryError.validation(invalid)) == CTIProtocolError(.validationFailed, invalid.description))
        #expect(CTIProtocolError(refusing: invalid) == CTIProtocolError(.validationFailed, invalid.description))
        #expect(CTIProtocolError(refusing: RepositoryError.validation(invalid)).message.contains("priority"))
    }

    @Test func otherRefusalsAreActionRejectedAndNoneClosesTheSocket() {
        let transition = RepositoryError.invalidTransition(TicketTransitionError(from: .closed, to: .pending))
        let others: [any Error] = [EngineRefusal(), RepositoryError.conflict("taken"), transition]
        for error in others {
            #expect(CTIProtocolError(refusing: error) == CTIProtocolError(.actionRejected, "\(error)"))
        }
        let all = others + [RepositoryError.forbidden("x"), RepositoryError.notFound(entity: "ticket", id: "1")]
        #expect(all.allSatisfy { CTIProtocolError(refusing: $0).closeCode == nil })
    }
}
