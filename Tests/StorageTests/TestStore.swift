import CTICore
import Foundation
import Storage
import Synchronization

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = Mutex(start) }

    var now: Date { current.withLock { $0 } }

    func advance(seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// A fresh temporary directory, removed when the value is released.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "ctibridge-storage-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A store over a real SQLite file in a temporary directory, with a hand-moved clock.
struct TestStore {
    let directory: TemporaryDirectory
    let clock: TestClock
    let store: CTIStore

    /// A store whose clock is `clock` (moved by hand), or the wall clock when `wallClock` is set.
    init(
        webhooks: [WebhookEndpoint] = [], retry: WebhookRetryPolicy = WebhookRetryPolicy(), access: AccessPolicy = AccessPolicy(),
        wallClock: Bool = false
    ) throws {
        directory = try TemporaryDirectory()
        let clock = TestClock()
        self.clock = clock
        var configuration = try StorageConfiguration(
            path: directory.file("cti.sqlite"), defaultCountry: "VN", now: { clock.now }, access: access,
            webhooks: webhooks, webhookRetry: retry
        )
        if wallClock { configuration.now = { Date() } }
        store = try CTIStore.open(configuration)
    }
}
