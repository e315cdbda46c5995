import Foundation
import InMemoryLogging
import Logging
import Synchronization

/// What each running test server logged, by port, so a socket that waits in vain can report the
/// server's side of its story.
enum ServerLogs {
    private static let servers = Mutex<[Int: InMemoryLogHandler]>([:])

    static func register(_ handler: InMemoryLogHandler, port: Int) { servers.withLock { $0[port] = handler } }
    static func remove(port: Int) { servers.withLock { _ = $0.removeValue(forKey: port) } }

    /// The last `count` lines the server behind `url` logged.
    static func tail(for url: String, count: Int = 60) -> String {
        guard let port = URL(string: url)?.port, let handler = servers.withLock({ $0[port] }) else { return "(no server log)" }
        return handler.entries.suffix(count).map { "\($0.level) \($0.message) \($0.metadata)" }.joined(separator: "\n")
    }
}
