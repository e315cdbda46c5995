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

/// Recording and retention per queue in the site file.
@Suite("Site file for serve: recording policy and retention")
struct SiteRecordingPolicyTests {
    /// Writes `site` to a fresh folder; returns the file's path.
    func write(_ site: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(site.utf8).write(to: folder.appendingPathComponent("site.json"))
        return folder.appendingPathComponent("site.json").path
    }

    @Test("per-queue recording (all / none / %) reaches the controller, retention days and the recordings folder reach QA")
    func policies() throws {
        let path = try write("""
            { "queues": [{ "id": "sales", "recording": "none", "retentionDays": 30 }, { "id": "support", "recording": 25 },
                         { "id": "vip", "recording": "all", "retentionDays": 365 }],
              "agents": [], "flows": [], "routes": {}, "recordingsDirectory": "/var/spool/asterisk/recording" }
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let site = try SiteConfiguration.load(path: path)
        #expect(site.controller.recordingPolicy == RecordingPolicy(defaultMode: .all, queues: ["sales": .none, "support": .percentage(25), "vip": .all]))
        #expect(site.qa.retention == RetentionPolicy(queues: ["sales": 30, "vip": 365]))
        #expect(site.qa.recordingsDirectory?.path == "/var/spool/asterisk/recording")
    }

    @Test("the callback key is * unless the site sets another or turns it off; its prompt reaches the controller")
    func callbackKey() throws {
        var keys: [String?] = []
        var prompts: [String?] = []
        for extra in ["", #", "callbackKey": "9", "callbackPrompt": "sound:custom/press-9""#, #", "callbackKey": """#] {
            let path = try write(#"{ "queues": [{ "id": "sales" }], "agents": [], "flows": [], "routes": {}"# + extra + "}")
            defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
            let site = try SiteConfiguration.load(path: path)
            keys.append(site.controller.callbackKey)
            prompts.append(site.controller.callbackPrompt)
        }
        #expect(keys == ["*", "9", nil])
        #expect(prompts == [nil, "sound:custom/press-9", nil])
    }

    @Test("a bad percentage, retention under a day or an unknown recording word is refused")
    func bad() throws {
        let path = try write(#"{ "queues": [{ "id": "a", "recording": 140, "retentionDays": 0 }], "agents": [], "flows": [], "routes": {} }"#)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        do {
            _ = try SiteConfiguration.load(path: path)
            Issue.record("expected problems")
        } catch {
            let text = error.problems.joined(separator: "\n")
            #expect(text.contains("recording: queues.a"))
            #expect(text.contains("retentionDays: queues.a"))
        }
        let word = try write(#"{ "queues": [{ "id": "a", "recording": "some" }], "agents": [], "flows": [], "routes": {} }"#)
        defer { try? FileManager.default.removeItem(atPath: (word as NSString).deletingLastPathComponent) }
        #expect(throws: SiteConfigurationError.self) { try SiteConfiguration.load(path: word) }
    }
}
