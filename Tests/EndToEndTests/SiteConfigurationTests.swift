import CTIApp
import CTICore
import Foundation
import Telephony
import Testing

/// The site file `ctibridge serve` reads: queues, agents, flows, routes.
@Suite("Site file for serve")
struct SiteConfigurationTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/site")

    @Test("the sample site loads: queues, agents with phones, the main-menu flow on 7000")
    func sample() throws {
        let site = try SiteConfiguration.load(path: Self.samples.appendingPathComponent("site.json").path)
        #expect(site.controller.engine.queues.map(\.id.rawValue) == ["sales", "support"])
        #expect(site.controller.agentEndpoints[AgentID("1002")] == "PJSIP/1002")
        #expect(site.routes.flowID(forDNIS: "7000") == "main-menu")
        #expect(site.catalog.live("main-menu")?.version == 1)
        #expect(site.names["1001"] == "An Nguyen")
        #expect(site.defaultCountry == "VN")
    }

    @Test("a broken site file lists every problem")
    func broken() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{ "id": "bad", "start": "x", "nodes": [{ "id": "x", "type": "goto", "target": "nowhere" }] }"#.utf8)
            .write(to: folder.appendingPathComponent("bad.json"))
        let site = """
            { "queues": [{ "id": "q" }, { "id": "q" }],
              "agents": [{ "id": "a", "endpoint": "1001", "queues": [{ "queue": "nope" }] }],
              "flows": ["bad.json", "missing.json"], "routes": { "7000": "ghost" }, "defaultFlow": "ghost" }
            """
        try Data(site.utf8).write(to: folder.appendingPathComponent("site.json"))
        do {
            _ = try SiteConfiguration.load(path: folder.appendingPathComponent("site.json").path)
            Issue.record("expected problems")
        } catch {
            let text = error.problems.joined(separator: "\n")
            #expect(text.contains("duplicate queue ids"))
            #expect(text.contains("agents[0].endpoint"))
            #expect(text.contains("unknown queue 'nope'"))
            #expect(text.contains("flows[0] (bad.json)"))
            #expect(text.contains("flows[1] (missing.json)"))
            #expect(text.contains("routes.7000: no flow 'ghost'"))
            #expect(text.contains("defaultFlow: no flow 'ghost'"))
        }
        #expect(throws: SiteConfigurationError.self) { try SiteConfiguration.load(path: folder.appendingPathComponent("none.json").path) }
    }
}
