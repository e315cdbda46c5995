import CTICore
import CTIServer
import Logging
import Storage
import Telephony

/// The QA side of a running service, the same in controller and observer mode: the recordings
/// index filled from the ACD's events, the retention sweep, and the store-backed records and QA
/// API (`/api/…`, `/api/qa/*`, `/api/recordings/*`).
struct QAWiring: Sendable {
    let store: CTIStore
    let settings: QASettings
    let indexer: RecordingIndexer
    let logger: Logger

    /// Indexes recordings as `<name>.<format>` files (relative to the recordings directory); a call
    /// without a customer gets the newest one with the caller's number.
    init(store: CTIStore, settings: QASettings, format: String, logger: Logger) {
        self.store = store
        self.settings = settings
        self.logger = logger
        indexer = RecordingIndexer(
            index: store.recordings, format: format,
            customer: { number in try? await store.customers.lookup(phoneNumber: number).first?.id }, logger: logger)
    }

    /// Serves the records and QA API over the store.
    func install(into dependencies: inout CTIServerDependencies) {
        dependencies.records = StoreRecords(store: store)
        dependencies.qa = StoreQAService(store: store, settings: settings)
    }

    /// Adds the workers: the indexer reading `events` and, when recordings are read from a
    /// directory, the retention sweep.
    func run(events: BoundedEventStream<ACDControllerEvent>, in workers: inout TaskGroup<Void>) {
        let indexer = self.indexer
        workers.addTask { await indexer.run(events: events) }
        if let directory = settings.recordingsDirectory {
            let retention = RecordingRetention(store: store, directory: directory, policy: settings.retention, logger: logger)
            let interval = settings.retentionInterval
            workers.addTask { await retention.run(every: interval) }
        }
    }
}
