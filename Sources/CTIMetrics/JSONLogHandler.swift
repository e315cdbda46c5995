import Foundation
import Logging
import Synchronization

/// A swift-log handler writing one JSON object per line:
/// `{"timestamp":"2026-11-27T08:00:00.123Z","level":"info","label":"ctibridge","message":"…","metadata":{…}}`.
///
/// Metadata whose key names a secret (password, secret, token, authorization, api key, cookie) is
/// written as `"<redacted>"`, at any depth, so a careless call site cannot leak one.
public struct JSONLogHandler: LogHandler {
    /// Where finished lines go (each without its newline).
    public typealias Sink = @Sendable (String) -> Void

    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let label: String
    let sink: Sink
    let now: @Sendable () -> Date

    /// A handler for `label` writing to `sink` (standard output by default).
    public init(
        label: String, metadataProvider: Logger.MetadataProvider? = nil, now: @escaping @Sendable () -> Date = { Date() },
        sink: @escaping Sink = JSONLogHandler.standardOutput
    ) {
        self.label = label
        self.metadataProvider = metadataProvider
        self.now = now
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var line = "{\"timestamp\":"
        JSONLogLine.appendString(JSONLogLine.timestamp(now()), to: &line)
        line += ",\"level\":"
        JSONLogLine.appendString(event.level.rawValue, to: &line)
        line += ",\"label\":"
        JSONLogLine.appendString(label, to: &line)
        line += ",\"message\":"
        JSONLogLine.appendString(event.message.description, to: &line)
        line += ",\"metadata\":"
        JSONLogLine.append(.dictionary(merged), key: nil, to: &line)
        line += "}"
        sink(line)
    }

    /// Writes each line and a newline to standard output, whole lines only.
    public static let standardOutput: Sink = { line in
        JSONLogHandler.outputLock.withLock { _ in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }

    private static let outputLock = Mutex(())
}

/// The JSON text of log lines: strings escaped per RFC 8259, keys sorted, secrets redacted.
enum JSONLogLine {
    static let redacted = "<redacted>"
    private static let secretWords = ["password", "passwd", "secret", "token", "authorization", "apikey", "api_key", "cookie"]

    /// Whether a metadata key names a secret.
    static func isSecret(_ key: String) -> Bool {
        let lowered = key.lowercased()
        return secretWords.contains { lowered.contains($0) }
    }

    static func append(_ value: Logger.MetadataValue, key: String?, to line: inout String) {
        if let key, isSecret(key) {
            appendString(redacted, to: &line)
            return
        }
        switch value {
        case .string(let text):
            appendString(text, to: &line)
        case .stringConvertible(let convertible):
            appendString(convertible.description, to: &line)
        case .array(let values):
            line += "["
            for (index, element) in values.enumerated() {
                if index > 0 { line += "," }
                append(element, key: nil, to: &line)
            }
            line += "]"
        case .dictionary(let entries):
            line += "{"
            for (index, name) in entries.keys.sorted().enumerated() {
                if index > 0 { line += "," }
                appendString(name, to: &line)
                line += ":"
                append(entries[name]!, key: name, to: &line)
            }
            line += "}"
        }
    }

    static func appendString(_ text: String, to line: inout String) {
        line += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": line += "\\\""
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            case "\t": line += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                line += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: line.unicodeScalars.append(scalar)
            }
        }
        line += "\""
    }

    private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    /// ISO 8601 in UTC with milliseconds.
    static func timestamp(_ date: Date) -> String {
        date.formatted(timestampStyle)
    }
}
