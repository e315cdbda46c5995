import CTICore
import Foundation
import Logging
import Storage

/// Carries out the retention policy: deletes expired recordings' files and marks them deleted
/// in the index, each deletion written to the audit log.
public struct RecordingRetention: Sendable {
    let store: CTIStore
    let directory: URL
    let policy: RetentionPolicy
    let now: @Sendable () -> Date
    let logger: Logger

    public init(
        store: CTIStore, directory: URL, policy: RetentionPolicy, now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "ctibridge.retention")
    ) {
        self.store = store
        self.directory = directory
        self.policy = policy
        self.now = now
        self.logger = logger
    }

    /// Deletes what has expired now; returns the recording ids deleted.
    @discardableResult
    public func sweep() async throws -> [String] {
        let now = now()
        let shortest = ([policy.defaultDays].compactMap { $0 } + policy.queues.values).min()
        guard let shortest else { return [] }
        let candidates = try await store.recordings.list(
            from: nil, to: now.addingTimeInterval(-Double(shortest) * 86_400 + 1), agentID: nil, limit: 100_000)
        var deleted: [String] = []
        for entry in policy.expired(candidates, now: now) {
            if RecordingEntry.isSafeLocation(entry.location) {
                let file = directory.appendingPathComponent(entry.location)
                do {
                    try FileManager.default.removeItem(at: file)
                } catch where !FileManager.default.fileExists(atPath: file.path) {
                    // Already gone: still mark it deleted.
                }
            }
            let days = policy.days(for: entry.queue) ?? 0
            try await store.recordings.markDeleted(
                id: entry.id, by: "retention", reason: "kept \(days) day(s) for queue \(entry.queue ?? "(none)")")
            logger.info("recording deleted by retention", metadata: ["recording": "\(entry.id)", "days": "\(days)"])
            deleted.append(entry.id)
        }
        return deleted
    }

    /// Sweeps every `interval` until cancelled.
    public func run(every interval: Duration) async {
        while !Task.isCancelled {
            do {
                try await sweep()
            } catch {
                logger.error("retention sweep failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }
}
