import CTIMetrics
import Foundation
import Logging
import Synchronization
import Testing

/// `--log-format json`: one JSON object per line, secrets never written.
@Suite("JSON log lines")
struct JSONLogHandlerTests {
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    static func logger(_ lines: Lines, provider: Logger.MetadataProvider? = nil) -> Logger {
        var logger = Logger(label: "ctibridge.test") { label in
            JSONLogHandler(
                label: label, metadataProvider: provider, now: { Date(timeIntervalSince1970: 1_795_420_800.25) }, sink: lines.append)
        }
        logger.logLevel = .debug
        return logger
    }

    static func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test("a line has timestamp, level, label, message and metadata, and parses as JSON")
    func fields() throws {
        let lines = Lines()
        var logger = Self.logger(lines, provider: Logger.MetadataProvider { ["request": "r-7"] })
        logger[metadataKey: "component"] = "acd"
        logger.info("call \"queued\"\nnext line", metadata: ["call": "c-1", "position": "\(3)", "agents": ["1001", "1002"], "nested": ["queue": "sales"]])
        logger.trace("below the level")

        #expect(lines.all.count == 1)
        let line = try #require(lines.all.first)
        #expect(!line.contains("\n"), "one physical line")
        #expect(line.hasPrefix(#"{"timestamp":"2026-11-23T08:00:00.250Z","level":"info","label":"ctibridge.test","message":"#))
        let json = try Self.object(line)
        #expect(json["level"] as? String == "info")
        #expect(json["label"] as? String == "ctibridge.test")
        #expect(json["message"] as? String == "call \"queued\"\nnext line")
        let metadata = try #require(json["metadata"] as? [String: Any])
        #expect(metadata["component"] as? String == "acd")
        #expect(metadata["request"] as? String == "r-7")
        #expect(metadata["call"] as? String == "c-1")
        #expect(metadata["position"] as? String == "3")
        #expect(metadata["agents"] as? [String] == ["1001", "1002"])
        #expect((metadata["nested"] as? [String: Any])?["queue"] as? String == "sales")
    }

    @Test("control characters and non-ASCII text are escaped or kept so the line stays valid JSON")
    func escaping() throws {
        let lines = Lines()
        Self.logger(lines).warning("tab\there, bell\u{07}, Tiếng Việt ☎", metadata: ["path": "C:\\calls"])
        let line = try #require(lines.all.first)
        #expect(line.contains(#"\u0007"#))
        let json = try Self.object(line)
        #expect(json["message"] as? String == "tab\there, bell\u{07}, Tiếng Việt ☎")
        #expect((json["metadata"] as? [String: Any])?["path"] as? String == "C:\\calls")
    }

    @Test("metadata naming a secret is redacted at any depth; the value never reaches the output")
    func secretsRedacted() throws {
        let lines = Lines()
        let logger = Self.logger(lines)
        let secret = "hunter2-very-secret"
        logger.error("login", metadata: [
            "ami.secret": "\(secret)", "password": .string(secret), "Authorization": "Bearer \(secret)",
            "session": ["token": .string(secret), "user": "1001"], "ari.api_key": .string(secret), "user": "admin",
        ])
        let line = try #require(lines.all.first)
        #expect(!line.contains(secret))
        let metadata = try #require(try Self.object(line)["metadata"] as? [String: Any])
        for key in ["ami.secret", "password", "Authorization", "ari.api_key"] {
            #expect(metadata[key] as? String == "<redacted>", "\(key)")
        }
        #expect((metadata["session"] as? [String: Any])?["token"] as? String == "<redacted>")
        #expect((metadata["session"] as? [String: Any])?["user"] as? String == "1001")
        #expect(metadata["user"] as? String == "admin")
    }

    @Test("lines from many tasks are never interleaved")
    func concurrentLines() async throws {
        let lines = Lines()
        let logger = Self.logger(lines)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask { for index in 0..<50 { logger.info("line \(index)", metadata: ["task": "\(task)"]) } }
            }
        }
        #expect(lines.all.count == 400)
        for line in lines.all { _ = try Self.object(line) }
    }
}
