import Foundation
import Testing

/// Which Asterisk the end-to-end suite talks to: the built-in simulator (the default) or a real
/// Asterisk named by the environment.
///
/// Set `ASTERISK_ARI_URL` (e.g. `http://127.0.0.1:8088/ari`), `ASTERISK_ARI_USERNAME`,
/// `ASTERISK_ARI_PASSWORD` and optionally `ASTERISK_ARI_APPLICATION` (default `ctibridge`) to run
/// the suite against a real Asterisk configured from `AsteriskConf/`. Tests that need the
/// simulator's call injection (a caller dialling in, pressing keys, hanging up, a restart of
/// Asterisk) are skipped then, with ``AsteriskTarget/needsSimulator`` as the reason.
struct AsteriskTarget: Sendable {
    var ariURL: String
    var username: String
    var password: String
    var application: String

    /// The real Asterisk from the environment, or nil to use the simulator.
    static let real: AsteriskTarget? = from(ProcessInfo.processInfo.environment)

    /// Whether the suite runs on the simulator.
    static var usesSimulator: Bool { real == nil }

    /// Why simulator-only tests are skipped against a real Asterisk.
    static let needsSimulator: Comment =
        "injects calls (caller, keys, hang-up, restart) into the simulator; skipped when ASTERISK_ARI_URL names a real Asterisk"

    /// Reads the target from environment variables; nil when `ASTERISK_ARI_URL` is unset or empty.
    static func from(_ environment: [String: String]) -> AsteriskTarget? {
        guard let url = environment["ASTERISK_ARI_URL"], !url.isEmpty else { return nil }
        return AsteriskTarget(
            ariURL: url, username: environment["ASTERISK_ARI_USERNAME"] ?? "ctibridge",
            password: environment["ASTERISK_ARI_PASSWORD"] ?? "", application: environment["ASTERISK_ARI_APPLICATION"] ?? "ctibridge")
    }
}
