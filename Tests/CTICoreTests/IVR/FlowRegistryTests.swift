import CTICore
import Foundation
import Testing

@Suite("IVR flow registry: versions and audit log")
struct FlowRegistryTests {
    static let t0 = instant("2026-11-23T09:00:00Z")

    static func menuFlow() throws -> IVRFlow {
        try IVRFlow.decode(json: Data(menuFlowJSON.utf8))
    }

    /// Version 2 of the menu flow: option 1 now goes to a new `billing` queue, `support` gets a priority.
    static func menuFlowV2() throws -> IVRFlow {
        var flow = try menuFlow()
        flow.nodes.append(IVRNode(id: "billing", .queue(IVRNode.Queue(queue: "billing", priority: 5))))
        for index in flow.nodes.indices {
            switch flow.nodes[index].kind {
            case .menu(var menu):
                menu.options["1"] = "billing"
                menu.timeout = 7
                flow.nodes[index].kind = .menu(menu)
            case .queue(var queue) where flow.nodes[index].id == "support":
                queue.priority = 2
                flow.nodes[index].kind = .queue(queue)
            default: break
            }
        }
        flow.nodes.removeAll { $0.id == "sales" }
        return flow
    }

    @Test("a call in progress finishes on the version it started; new calls get the new version")
    func callsKeepTheirVersion() throws {
        var registry = FlowRegistry()
        try registry.publish(Self.menuFlow(), by: "alice", at: Self.t0)
        var oldCall = CallDriver(engine: try #require(registry.startCall(flowID: "menu-test")), at: Self.t0)
        oldCall.start()
        oldCall.playPrompt()
        oldCall.playPrompt()

        let v2 = try registry.publish(Self.menuFlowV2(), by: "bob", at: Self.t0 + 60)
        #expect(v2.version == 2)
        #expect(registry.live("menu-test")?.version == 2)

        let oldRouted = oldCall.press("1").enqueue
        #expect(oldRouted?.queue == "sales")
        #expect(oldRouted?.path.flowVersion == 1)

        var newCall = CallDriver(engine: try #require(registry.startCall(flowID: "menu-test")), at: Self.t0 + 120)
        newCall.start()
        newCall.playPrompt()
        newCall.playPrompt()
        #expect(newCall.timer(.firstDigit) == nil)
        newCall.playPrompt()
        #expect(newCall.timer(.firstDigit)?.duration == .seconds(7))
        let newRouted = newCall.press("1").enqueue
        #expect(newRouted?.queue == "billing")
        #expect(newRouted?.path.flowVersion == 2)
        #expect(registry.version(1, of: "menu-test")?.publishedBy == "alice")
    }

    @Test("every change is in the audit log with who, when and a readable diff")
    func auditLog() throws {
        var registry = FlowRegistry()
        try registry.publish(Self.menuFlow(), by: "alice", at: Self.t0, note: "first cut")
        try registry.publish(Self.menuFlowV2(), by: "bob", at: Self.t0 + 60)
        #expect(registry.auditLog.count == 2)

        let first = registry.auditLog[0]
        #expect(first.by == "alice")
        #expect(first.at == Self.t0)
        #expect(first.version == 1)
        #expect(first.diff.added == ["welcome", "legal", "main", "sales", "support", "operator"])
        #expect(first.description.contains("alice menu-test published v1 (6 nodes) — first cut"))

        let second = registry.auditLog[1]
        #expect(second.by == "bob")
        #expect(second.at == Self.t0 + 60)
        #expect(second.diff.added == ["billing"])
        #expect(second.diff.removed == ["sales"])
        #expect(second.diff.changed == [
            .init(nodeID: "main", fields: ["options", "timeout"]),
            .init(nodeID: "support", fields: ["priority"]),
        ])
        #expect(second.diff.summary == "added 'billing'; removed 'sales'; changed 'main' (options, timeout), 'support' (priority)")
        #expect(second.description.contains("bob menu-test published v2: added 'billing'"))
    }

    @Test("an invalid flow is refused with every problem, and nothing changes")
    func invalidRefused() throws {
        var registry = FlowRegistry()
        try registry.publish(Self.menuFlow(), by: "alice", at: Self.t0)
        var broken = try Self.menuFlow()
        broken.start = "missing"
        broken.nodes.append(IVRNode(id: "stray", .play(IVRNode.Play(prompts: [], next: "nowhere"))))
        #expect {
            try registry.publish(broken, by: "mallory", at: Self.t0 + 1)
        } throws: { error in
            guard case .invalid(let validation) = error as? FlowPublishError else { return false }
            let codes = Set(validation.problems.map(\.code))
            return codes.isSuperset(of: [.missingStart, .missingPrompts, .unknownTarget])
        }
        #expect(registry.live("menu-test")?.version == 1)
        #expect(registry.auditLog.count == 1)
    }

    @Test("publishing the live version again is refused as unchanged")
    func unchanged() throws {
        var registry = FlowRegistry()
        try registry.publish(Self.menuFlow(), by: "alice", at: Self.t0)
        #expect(throws: FlowPublishError.unchanged(flowID: "menu-test")) {
            try registry.publish(Self.menuFlow(), by: "alice", at: Self.t0 + 1)
        }
        #expect(registry.versions(of: "menu-test").count == 1)
    }

    @Test("rolling back publishes the old version as a new one, with its own audit entry")
    func rollBack() throws {
        var registry = FlowRegistry()
        try registry.publish(Self.menuFlow(), by: "alice", at: Self.t0)
        try registry.publish(Self.menuFlowV2(), by: "bob", at: Self.t0 + 60)
        let v3 = try registry.rollBack("menu-test", to: 1, by: "carol", at: Self.t0 + 120)
        #expect(v3.version == 3)
        #expect(v3.flow == registry.version(1, of: "menu-test")?.flow)
        let entry = try #require(registry.auditLog.last)
        #expect(entry.action == .rolledBack(toVersion: 1))
        #expect(entry.diff.added == ["sales"])
        #expect(entry.diff.removed == ["billing"])
        #expect(throws: FlowPublishError.unknownVersion(flowID: "menu-test", version: 9)) {
            try registry.rollBack("menu-test", to: 9, by: "carol", at: Self.t0 + 180)
        }
        #expect(throws: FlowPublishError.unknownFlow("nope")) {
            try registry.rollBack("nope", to: 1, by: "carol", at: Self.t0 + 180)
        }
    }

    @Test("flows are kept apart by id")
    func severalFlows() throws {
        var registry = FlowRegistry()
        try registry.publish(Self.menuFlow(), by: "alice", at: Self.t0)
        try registry.publish(sampleFlow("post-call-survey.json"), by: "alice", at: Self.t0)
        #expect(registry.flowIDs == ["menu-test", "post-call-survey"])
        #expect(registry.live("post-call-survey")?.version == 1)
        #expect(registry.startCall(flowID: "unknown") == nil)
    }
}
