import CTIApp
import CTICore
import Foundation
import Telephony
import Testing

/// The site file's `flows` may name YAML files (.yaml, .yml) next to JSON ones.
@Suite("Site file for serve: YAML flows")
struct SiteYAMLFlowTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples")

    func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("site-yaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("a .yaml and a .yml flow load into the catalog and take their routes")
    func loads() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: Self.samples.appendingPathComponent("ivr/main-menu.yaml"), to: folder.appendingPathComponent("main-menu.yaml"))
        try Data("id: short\nstart: bye\nnodes:\n  - {id: bye, type: hangup}\n".utf8).write(to: folder.appendingPathComponent("short.yml"))
        try Data(#"{ "queues": [{ "id": "sales" }, { "id": "support" }], "agents": [], "flows": ["main-menu.yaml", "short.yml"], "routes": { "7000": "main-menu", "7001": "short" } }"#.utf8)
            .write(to: folder.appendingPathComponent("site.json"))
        let site = try SiteConfiguration.load(path: folder.appendingPathComponent("site.json").path)
        #expect(site.routes.flowID(forDNIS: "7000") == "main-menu")
        #expect(site.routes.flowID(forDNIS: "7001") == "short")
        let json = try IVRFlow.decode(json: Data(contentsOf: Self.samples.appendingPathComponent("ivr/main-menu.json")))
        #expect(site.catalog.live("main-menu")?.flow.flow == json)
        #expect(site.catalog.live("short")?.version == 1)
    }

    @Test("problems in YAML flow files are listed with the file, line and path")
    func problems() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("id: bad\nstart: x\nnodes:\n  - {id: x, type: goto, target: nowhere}\n".utf8).write(to: folder.appendingPathComponent("bad.yaml"))
        try Data("id: typo\nstart: x\nnodes:\n  - {id: x, type: play, prompts: [sound:x], bargeIn: yes, next: x}\n".utf8)
            .write(to: folder.appendingPathComponent("typo.yml"))
        try Data(#"{ "queues": [{ "id": "q" }], "agents": [], "flows": ["bad.yaml", "typo.yml"], "routes": {} }"#.utf8)
            .write(to: folder.appendingPathComponent("site.json"))
        do {
            _ = try SiteConfiguration.load(path: folder.appendingPathComponent("site.json").path)
            Issue.record("expected problems")
        } catch {
            let text = error.problems.joined(separator: "\n")
            #expect(text.contains("flows[0] (bad.yaml)"))
            #expect(text.contains("nowhere"))
            #expect(text.contains("flows[1] (typo.yml)"))
            #expect(text.contains("line 4"))
            #expect(text.contains("nodes[0].bargeIn"))
        }
    }
}
