import Foundation
import Synchronization

/// Every REST request the simulator answered, in arrival order, for tests and benchmarks that
/// check what a client asked for and when.
public final class ARISimRequestLog: Sendable {
    /// One answered request.
    public struct Entry: Sendable, Hashable, CustomStringConvertible {
        /// `GET`, `POST`, `DELETE`.
        public var method: String
        /// The path below `/ari`, e.g. `channels/1763834524.3/play/ivr-1`.
        public var path: String
        /// Query parameters in order, without `api_key`.
        public var query: [String: [String]]
        /// The status the simulator answered with.
        public var status: Int
        /// When the request arrived.
        public var at: ContinuousClock.Instant

        /// The first value of a query parameter.
        public func first(_ name: String) -> String? { query[name]?.first }

        public var description: String { "\(method) \(path) → \(status)" }
    }

    /// The observer in a box: a bare closure kept in a generic `Mutex` is re-wrapped in a
    /// reabstraction thunk on every read in release builds, so calls got deeper and slower.
    private struct Observer: Sendable {
        let call: @Sendable (Entry) -> Void
    }

    private let entries = Mutex<[Entry]>([])
    private let observer = Mutex<Observer?>(nil)

    public init() {}

    /// Everything logged so far.
    public var all: [Entry] { entries.withLock { $0 } }

    /// Requests whose path contains `channelID`.
    public func requests(forChannel channelID: String) -> [Entry] {
        entries.withLock { $0.filter { $0.path.contains(channelID) } }
    }

    /// Calls `observer` with every later request as it is logged (nil to stop); for benchmarks
    /// that must not scan the whole log.
    public func observe(_ observer: (@Sendable (Entry) -> Void)?) {
        let box = observer.map(Observer.init(call:))
        self.observer.withLock { $0 = box }
    }

    /// Forgets everything logged so far.
    public func clear() { entries.withLock { $0.removeAll() } }

    func append(method: String, path: [String], query: [(String, String)], status: Int, at arrived: ContinuousClock.Instant) {
        var grouped: [String: [String]] = [:]
        for (name, value) in query where name != "api_key" { grouped[name, default: []].append(value) }
        let entry = Entry(method: method, path: path.joined(separator: "/"), query: grouped, status: status, at: arrived)
        entries.withLock { $0.append(entry) }
        observer.withLock { $0 }?.call(entry)
    }

    /// Waits until `predicate` holds for the log, or `timeout` passes; returns whether it held.
    @discardableResult
    public func wait(timeout: Duration = .seconds(30), until predicate: @Sendable ([Entry]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            if predicate(all) { return true }
            guard ContinuousClock.now < deadline, (try? await Task.sleep(for: .milliseconds(5))) != nil else { return false }
        }
    }
}
