import CTICore
import Foundation
import Testing

@Suite struct CTIScreenPopMessageTests {
    static let pop = CTICallPop(
        callID: "c-1", callerNumber: "+44 20 7946 0018", callerName: "Ada Lovelace", dnis: "0800 123", queue: "support",
        waitSeconds: 12.5, ivrPath: ["welcome", "menu", "support"], collectedDigits: ["account": "4711"],
        customer: CTICustomerSummary(id: "cust-9", name: "Ada Lovelace", company: "Analytical Ltd", vip: true, tags: ["gold"]),
        openTickets: [CTITicketSummary(id: "T-1", subject: "Invoice", status: "open", priority: "high", updatedAt: 1_700_000_000)],
        lastInteractions: [CTIInteractionSummary(id: "i-1", channel: "call", at: 1_699_000_000, agentName: "Bob")],
        recordingID: "rec-1")

    @Test func offerFrameHasVersionTypeSeqAndData() throws {
        let text = CTIServerFrame.pop(seq: 7, .offer(Self.pop)).encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["v"] as? Int == 1)
        #expect(object["type"] as? String == "offer")
        #expect(object["seq"] as? Int == 7)
        let data = try #require(object["data"] as? [String: Any])
        #expect(data["callerNumber"] as? String == "+44 20 7946 0018")
        #expect(data["dnis"] as? String == "0800 123")
        #expect((data["customer"] as? [String: Any])?["vip"] as? Bool == true)
        #expect((data["collectedDigits"] as? [String: String]) == ["account": "4711"])
    }

    @Test(arguments: [
        CTIScreenPopMessage.offer(pop), .connected(pop), .callEnded(CTICallEnded(callID: "c-1", reason: "caller", talkSeconds: 61)),
        .stateChanged(CTIAgentStateChange(agentID: "A1", state: .paused, reason: "lunch", queues: ["support"])),
        .wrapUp(CTIWrapUp(callID: "c-1", seconds: 30, dispositions: ["resolved", "callback"])),
    ])
    func everyPopRoundTrips(message: CTIScreenPopMessage) throws {
        let decoded = try CTIServerFrame.decode(CTIServerFrame.pop(seq: 3, message).encoded())
        #expect(decoded == .pop(seq: 3, message))
    }

    @Test func controlFramesRoundTrip() throws {
        let frames: [CTIServerFrame] = [
            .welcome(CTIWelcome(userID: "u1", agentID: "A1", displayName: "Alice", role: "agent", lastSeq: 4)),
            .reply(CTIActionReply(id: "r1", action: "pause", ok: true)),
            .error(CTIProtocolError(.unknownType, "nope")),
            .ack(seq: 9),
            .wallboard(WallboardSnapshot(generatedAt: 1, queues: [], agents: [])),
        ]
        for frame in frames { #expect(try CTIServerFrame.decode(frame.encoded()) == frame) }
    }

    @Test func serverFrameDecodeErrorsAreTyped() {
        #expect(throws: CTIProtocolError(.malformedJSON, "not a CTI frame")) { try CTIServerFrame.decode("[1]") }
        #expect { try CTIServerFrame.decode(#"{"v":2,"type":"ack","data":{"seq":1}}"#) } throws: {
            ($0 as? CTIProtocolError)?.code == .unsupportedVersion
        }
        #expect { try CTIServerFrame.decode(#"{"v":1,"type":"offer","data":{}}"#) } throws: {
            ($0 as? CTIProtocolError)?.code == .invalidData
        }
    }

    @Test func closeCodesAreDocumented() {
        #expect(CTIProtocolError(.frameTooLarge, "").closeCode == 1009)
        #expect(CTIProtocolError(.tokenRevoked, "").closeCode == 1008)
        #expect(CTIProtocolError(.unauthorized, "").closeCode == 1008)
        #expect(CTIProtocolError(.malformedJSON, "").closeCode == nil)
    }
}
