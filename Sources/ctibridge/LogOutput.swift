import CTIConfig
import CTIMetrics
import Logging

/// How `serve` and `demo` write their logs: human-readable text on standard error, or one JSON
/// object per line on standard output (`--log-format json`, config key `log.format`).
enum LogOutput {
    /// Installs the process-wide log handler; call once, before the first logger is made.
    static func bootstrap(format: CTIBridgeConfig.Log.Format) {
        switch format {
        case .text:
            LoggingSystem.bootstrap { label in StreamLogHandler.standardError(label: label) }
        case .json:
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label) }
        }
    }

    /// Parses a `--log-format` value; nil for anything but `text` and `json`.
    static func format(_ text: String) -> CTIBridgeConfig.Log.Format? {
        CTIBridgeConfig.Log.Format(rawValue: text.lowercased())
    }
}
