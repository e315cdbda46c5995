import CTICore
import Testing

@Suite struct CTIClientMessageTests {
    @Test func parsesEveryType() throws {
        #expect(try CTIClientMessage.parse(#"{"v":1,"type":"auth","data":{"token":"t","lastSeq":5}}"#) == .auth(token: "t", lastSeq: 5))
        #expect(try CTIClientMessage.parse(#"{"v":1,"type":"auth","data":{"token":"t"}}"#) == .auth(token: "t", lastSeq: nil))
        #expect(try CTIClientMessage.parse(#"{"v":1,"type":"ack","data":{"seq":3}}"#) == .ack(seq: 3))
        #expect(try CTIClientMessage.parse(#"{"v":1,"type":"resume","data":{"lastSeq":2}}"#) == .resume(lastSeq: 2))
        #expect(try CTIClientMessage.parse(#"{"v":1,"type":"ping"}"#) == .ping)
        #expect(
            try CTIClientMessage.parse(#"{"v":1,"type":"action","data":{"id":"r1","action":{"action":"pause","reason":"lunch"}}}"#)
                == .action(id: "r1", .pause(reason: "lunch")))
    }

    @Test(arguments: [
        ("{not json", CTIProtocolError.Code.malformedJSON),
        ("[1,2]", .malformedJSON),
        (#"{"type":"ack"}"#, .malformedJSON),
        (#"{"v":9,"type":"ack","data":{"seq":1}}"#, .unsupportedVersion),
        (#"{"v":1,"type":"dance","data":{}}"#, .unknownType),
        (#"{"v":1,"type":"ack","data":{"seq":"x"}}"#, .invalidData),
        (#"{"v":1,"type":"ack"}"#, .invalidData),
        (#"{"v":1,"type":"action","data":{"action":{"action":"teleport"}}}"#, .invalidData),
        (#"{"v":1,"type":"action","data":{"action":{"action":"pause","reason":""}}}"#, .invalidData),
        (#"{"v":1,"type":"action","data":{"action":{"action":"blindTransfer","callID":"c"}}}"#, .invalidData),
    ])
    func badFramesGiveTypedErrors(text: String, code: CTIProtocolError.Code) {
        #expect { try CTIClientMessage.parse(text) } throws: { ($0 as? CTIProtocolError)?.code == code }
    }

    @Test func errorsNameTheFieldButNotTheValue() {
        do {
            _ = try CTIClientMessage.parse(#"{"v":1,"type":"auth","data":{"tokn":"secret-value"}}"#)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("token"))
            #expect(!error.message.contains("secret-value"))
        }
    }

    @Test(arguments: [
        CTIAgentAction.login(queues: ["support", "sales"]), .logout(queues: []), .ready, .pause(reason: "break"), .endWrapUp,
        .hangUp(callID: "c1"), .hold(callID: "c1"), .unhold(callID: "c1"), .blindTransfer(callID: "c1", destination: "2001"),
        .setDisposition(callID: "c1", disposition: "resolved", note: "ok"), .setDisposition(callID: "c1", disposition: "x", note: nil),
        .createTicket(callID: nil, subject: "s", description: "d", priority: "high"), .linkTicket(callID: "c1", ticketID: "T-1"),
    ])
    func actionsRoundTripThroughTheSocketFrame(action: CTIAgentAction) throws {
        let text = CTIClientMessage.action(id: "r9", action).encoded()
        #expect(try CTIClientMessage.parse(text) == .action(id: "r9", action))
    }
}
