import CTICore
import Testing

@Suite struct ScreenPopURLTemplateTests {
    let pop = CTICallPop(
        callID: "c/1", callerNumber: "+44 20 7946", callerName: "Zoë & Co", dnis: "0800", queue: "support", waitSeconds: 0,
        customer: CTICustomerSummary(id: "cust-9", name: "Zoë"))

    @Test func valuesArePercentEncoded() throws {
        let template = try ScreenPopURLTemplate("https://crm.example/search?phone={callerNumber}&name={callerName}&c={customerID}")
        #expect(template.render(pop) == "https://crm.example/search?phone=%2B44%2020%207946&name=Zo%C3%AB%20%26%20Co&c=cust-9")
    }

    @Test func missingValuesRenderEmpty() throws {
        var anonymous = pop
        anonymous.callerName = nil
        anonymous.customer = nil
        #expect(try ScreenPopURLTemplate("https://x/{callerName}/{customerID}/{callID}").render(anonymous) == "https://x///c%2F1")
    }

    @Test func badTemplatesAreRefused() {
        #expect(throws: ScreenPopURLTemplate.TemplateError.unknownPlaceholder("phone")) { try ScreenPopURLTemplate("https://x/?p={phone}") }
        #expect(throws: ScreenPopURLTemplate.TemplateError.unclosedBrace) { try ScreenPopURLTemplate("https://x/?p={callerNumber") }
        #expect(throws: ScreenPopURLTemplate.TemplateError.notHTTP) { try ScreenPopURLTemplate("javascript:alert({callerNumber})") }
    }
}

@Suite struct WallboardSnapshotTests {
    @Test func countsAgentsByStateIncludingZeroes() {
        let snapshot = WallboardSnapshot(generatedAt: 0, queues: [], agents: [
            .init(agentID: "A1", name: "A", state: .ready, secondsInState: 3),
            .init(agentID: "A2", name: "B", state: .ready, secondsInState: 5),
            .init(agentID: "A3", name: "C", state: .paused, secondsInState: 9, reason: "lunch"),
        ])
        #expect(snapshot.agentsByState["ready"] == 2)
        #expect(snapshot.agentsByState["paused"] == 1)
        #expect(snapshot.agentsByState["on-call"] == 0)
        #expect(snapshot.agentsByState.count == AgentStateKind.allCases.count)
    }
}
